'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { resetPasswordAction } from '@/lib/account/recovery-actions';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('recovery');
  const auth = useTranslations('auth');
  const router = useRouter();
  const form = useActionForm(resetPasswordAction, ({ redirectTo }) => {
    router.replace(redirectTo);
    router.refresh();
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage message={form.fieldError('password') ? null : form.message} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label={t('newPassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={auth('passwordHint')}
        error={form.fieldError('password')}
      />
      <Button type="submit" pending={form.pending}>
        {t('setPassword')}
      </Button>
    </form>
  );
}
