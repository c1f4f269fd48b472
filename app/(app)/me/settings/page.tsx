import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangeEmailForm } from '@/components/account/change-email-form';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { PageHeader } from '@/components/ui/page-header';
import { getAccountSettings } from '@/lib/account';
import { requireViewer } from '@/lib/core/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('recovery'))('settingsTitle') };
}

export default async function SettingsPage() {
  const viewer = await requireViewer();
  const settings = await getAccountSettings(viewer);
  const t = await getTranslations('recovery');
  return (
    <>
      <PageHeader title={t('settingsTitle')} />
      <div className="mx-auto flex max-w-xl flex-col gap-8 p-4">
        <section aria-labelledby="settings-email" className="flex flex-col gap-3">
          <h2 id="settings-email" className="text-lg font-semibold">
            {t('emailSection')}
          </h2>
          <p className="text-sm text-fg-muted">{t('currentEmail', { email: settings.email })}</p>
          {settings.pendingEmail && <p className="rounded-xl bg-surface-2 px-3 py-2 text-sm">{t('pendingEmail', { email: settings.pendingEmail })}</p>}
          {settings.hasPassword && <ChangeEmailForm />}
        </section>
        <section aria-labelledby="settings-password" className="flex flex-col gap-3 border-t border-line pt-6">
          <h2 id="settings-password" className="text-lg font-semibold">
            {t('passwordSection')}
          </h2>
          {/* Accounts that signed in with OpenID and have no password get "set a password" here. */}
          {settings.hasPassword && <ChangePasswordForm />}
        </section>
      </div>
    </>
  );
}
