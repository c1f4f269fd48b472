'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { requestPasswordResetAction } from '@/lib/account/recovery-actions';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';

export function ForgotPasswordForm() {
  const t = useTranslations('recovery');
  const auth = useTranslations('auth');
  const form = useActionForm(requestPasswordResetAction);
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage message={form.fieldError('email') ? null : form.message} />
      <TextField label={auth('email')} name="email" type="email" autoComplete="email" required error={form.fieldError('email')} />
      <Button type="submit" pending={form.pending}>
        {t('sendLink')}
      </Button>
      <p role="status" className="text-sm">
        {form.succeeded && !form.pending ? t('requested') : ''}
      </p>
      <Link href="/login" className="text-center text-sm font-medium text-brand underline-offset-2 hover:underline">
        {t('backToSignIn')}
      </Link>
    </form>
  );
}
