import { getTranslations } from 'next-intl/server';
import { PrivacyForm } from '@/components/account/privacy-form';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { getPrivacy } from '@/lib/account';
import { requireViewer } from '@/lib/core/session';

export const generateMetadata = translatedTitle('people', 'privacy');

export default async function PrivacyPage() {
  const privacy = await getPrivacy(await requireViewer());
  const t = await getTranslations('people');
  return (
    <>
      <PageHeader title={t('privacy')} />
      <div className="mx-auto max-w-xl p-4">
        <PrivacyForm friendsVisibility={privacy.friendsVisibility} friendRequestsFrom={privacy.friendRequestsFrom} />
      </div>
    </>
  );
}
