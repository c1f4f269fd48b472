'use client';
import { useTranslations } from 'next-intl';
import { setPasswordAction } from '@/lib/account/identity-actions';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { useHydrated } from '@/components/ui/use-hydrated';

/** For accounts created through another provider: add a password to sign in with email too. */
export function SetPasswordForm({ email, providers }: { email: string; providers: string[] }) {
  const t = useTranslations('identity');
  const hydrated = useHydrated();
  const auth = useTranslations('auth');
  // No refresh on success: this section is shown only while there is no password, and the
  // confirmation should stay visible until the person leaves.
  const form = useActionForm(setPasswordAction);
  if (form.succeeded) {
    return (
      <section aria-labelledby="set-password-title" className="flex flex-col gap-3">
        <h2 id="set-password-title" className="text-lg font-semibold">
          {t('setPasswordTitle')}
        </h2>
        <p role="status">{t('passwordSet')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="set-password-title" className="flex flex-col gap-3">
      <h2 id="set-password-title" className="text-lg font-semibold">
        {t('setPasswordTitle')}
      </h2>
      <p className="text-sm text-fg-muted">{t('setPasswordIntro', { providers: providers.join(', '), email })}</p>
      <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
        <FormMessage message={form.fieldError('password') ? null : form.message} />
        <TextField
          label={t('newPassword')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={auth('passwordHint')}
          error={form.fieldError('password')}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" pending={form.pending} disabled={!hydrated}>
            {t('savePassword')}
          </Button>
        </div>
      </form>
    </section>
  );
}
