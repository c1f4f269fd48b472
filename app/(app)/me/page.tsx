import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/account/language-switch';
import { ProfileForm } from '@/components/account/profile-form';
import { SetPasswordForm } from '@/components/account/set-password-form';
import { SignOutButton } from '@/components/account/sign-out-button';
import { PageHeader } from '@/components/ui/page-header';
import { getOwnAccount, getSignInMethods } from '@/lib/account';
import { externalProviders } from '@/lib/core/auth-providers';
import { requireViewer } from '@/lib/core/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('me') };
}

export default async function MePage() {
  const viewer = await requireViewer();
  const [account, signInMethods] = await Promise.all([getOwnAccount(viewer), getSignInMethods(viewer)]);
  const providerName = (id: string) => externalProviders().find((entry) => entry.id === id)?.name ?? id;
  const t = await getTranslations('me');
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-xl flex-col gap-8 p-4">
        <section aria-labelledby="me-identity" className="flex items-center gap-4">
          <div aria-hidden className="flex size-16 items-center justify-center rounded-full bg-brand/15 text-2xl font-semibold text-brand">
            {account.name.slice(0, 1).toUpperCase()}
          </div>
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
        <section className="flex flex-col gap-3">
          <h2 className="text-lg font-semibold">{t('editProfile')}</h2>
          <ProfileForm name={account.name} bio={account.bio} />
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
