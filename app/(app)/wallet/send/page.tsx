import { getTranslations } from 'next-intl/server';
import { EmailVerificationNotice } from '@/components/account/email-verification-notice';
import { SendForm } from '@/components/pay/send-form';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { getAccountSettings, handleSchema } from '@/lib/account';
import { env } from '@/lib/core/env';
import { requireViewer } from '@/lib/core/session';

export const generateMetadata = translatedTitle('walletSend', 'title');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SendMoneyPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const { to } = await searchParams;
  // A scanned or shared link fills in the recipient; anything that is not a handle is ignored.
  const handle = handleSchema.safeParse(typeof to === 'string' ? to.replace(/^@/, '').toLowerCase() : '');
  const [t, settings] = await Promise.all([getTranslations('walletSend'), getAccountSettings(viewer)]);
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-md flex-col gap-4 p-4">
        {/* Money leaves only from a verified address: the link can be sent again from here. */}
        <EmailVerificationNotice viewer={viewer} />
        <SendForm initialHandle={handle.success ? handle.data : ''} reauthAboveMinor={env().PAY_STEP_UP_PER_DAY_MINOR} hasPassword={settings.hasPassword} />
      </div>
    </>
  );
}
