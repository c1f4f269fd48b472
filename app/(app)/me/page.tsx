import { getTranslations } from 'next-intl/server';
import { EmailVerificationNotice } from '@/components/account/email-verification-notice';
import { translatedTitle } from '@/components/ui/translated-title';
import { LanguageSwitch } from '@/components/account/language-switch';
import { ProfileMediaSection } from '@/components/account/profile-media-section';
import { ProfileForm } from '@/components/account/profile-form';
import { SetPasswordForm } from '@/components/account/set-password-form';
import { SignOutButton } from '@/components/account/sign-out-button';
import { PageHeader } from '@/components/ui/page-header';
import { MeLinks } from '@/components/account/me-links';
import { ProfileQr } from '@/components/account/profile-qr';
import { getOwnAccount, getSignInMethods } from '@/lib/account';
import { externalProviders } from '@/lib/core/auth-providers';
import { countMyUnread } from '@/lib/notify';
import { requireViewer } from '@/lib/core/session';

export const generateMetadata = translatedTitle('nav', 'me');

export default async function MePage() {
  const viewer = await requireViewer();
  const [account, unread, signInMethods] = await Promise.all([getOwnAccount(viewer), countMyUnread(viewer), getSignInMethods(viewer)]);
  const providerName = (id: string) => externalProviders().find((entry) => entry.id === id)?.name ?? id;
  const t = await getTranslations('me');
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-xl flex-col gap-8 p-4">
        <ProfileMediaSection viewer={viewer} />
        <section aria-labelledby="me-identity" className="flex items-center gap-4">
          <div className="min-w-0">
            <h2 id="me-identity" className="truncate text-xl font-semibold" data-testid="me-name">
              {account.name}
            </h2>
            <p className="text-fg-muted">@{account.handle}</p>
            {account.bio && (
              <p className="mt-1 whitespace-pre-line break-words" data-testid="me-bio">
                {account.bio}
              </p>
            )}
          </div>
        </section>
        <EmailVerificationNotice viewer={viewer} />
        <MeLinks handle={account.handle} unread={unread} />
        <section className="flex flex-col gap-3">
          <h2 className="text-lg font-semibold">{t('myQrCode')}</h2>
          <ProfileQr handle={account.handle} />
        </section>
        <section className="flex flex-col gap-3">
          <h2 className="text-lg font-semibold">{t('editProfile')}</h2>
          <ProfileForm name={account.name} bio={account.bio} location={account.location} />
        </section>
        {!signInMethods.hasPassword && (
          <SetPasswordForm email={account.email} providers={signInMethods.providers.map(providerName)} />
        )}
        <section className="flex flex-col gap-3">
          <LanguageSwitch />
        </section>
        <section className="flex flex-col items-start gap-2 border-t border-line pt-6">
          <p className="text-sm text-fg-muted">{t('signedInAs', { email: account.email })}</p>
          <SignOutButton />
        </section>
      </div>
    </>
  );
}
