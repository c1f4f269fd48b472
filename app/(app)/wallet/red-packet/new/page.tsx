import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmailVerificationNotice } from '@/components/account/email-verification-notice';
import { RedPacketForm } from '@/components/pay/red-packet-form';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { listFriends } from '@/lib/account';
import { requireViewer } from '@/lib/core/session';

export const generateMetadata = translatedTitle('walletPacket', 'newTitle');

export default async function NewRedPacketPage() {
  const viewer = await requireViewer();
  const [t, friends] = await Promise.all([getTranslations('walletPacket'), listFriends(viewer, { handle: viewer.handle })]);
  return (
    <>
      <PageHeader title={t('newTitle')} />
      <div className="mx-auto flex max-w-md flex-col gap-4 p-4">
        <EmailVerificationNotice viewer={viewer} />
        {friends.people.length === 0 ? (
          <div className="flex flex-col items-center gap-3 py-10 text-center">
            <p className="text-fg-muted">{t('noFriends')}</p>
            <Link href="/me/contacts?tab=find" className="inline-flex min-h-11 items-center rounded-xl bg-brand px-4 font-medium text-on-brand">
              {t('findFriends')}
            </Link>
          </div>
        ) : (
          <RedPacketForm friends={friends.people.map(({ id, handle, name, avatarId }) => ({ id, handle, name, avatarId }))} />
        )}
      </div>
    </>
  );
}
