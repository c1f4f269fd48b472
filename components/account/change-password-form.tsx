'use client';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { changePasswordAction } from '@/lib/account/recovery-actions';
import { SubmitRow } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';

export function ChangePasswordForm() {
  const t = useTranslations('recovery');
  const auth = useTranslations('auth');
  const formRef = useRef<HTMLFormElement>(null);
  const form = useActionForm(changePasswordAction, () => formRef.current?.reset());
  const fieldShown = form.fieldError('currentPassword') || form.fieldError('newPassword');
  return (
    <form ref={formRef} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('changePassword')}>
      <FormMessage message={fieldShown ? null : form.message} />
      <TextField label={t('currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required error={form.fieldError('currentPassword')} />
      <TextField
        label={t('newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={auth('passwordHint')}
        error={form.fieldError('newPassword')}
      />
      <SubmitRow label={t('changePassword')} done={t('passwordChanged')} pending={form.pending} succeeded={form.succeeded} />
    </form>
  );
}
