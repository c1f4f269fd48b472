'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { changeEmailAction } from '@/lib/account/recovery-actions';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';

export function ChangeEmailForm() {
  const t = useTranslations('recovery');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useActionForm(changeEmailAction, ({ pendingEmail }) => {
    setSentTo(pendingEmail);
    formRef.current?.reset();
    router.refresh();
  });
  const fieldShown = form.fieldError('email') || form.fieldError('currentPassword');
  return (
    <form ref={formRef} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('changeEmail')}>
      <FormMessage message={fieldShown ? null : form.message} />
      <TextField label={t('newEmail')} name="email" type="email" autoComplete="email" required error={form.fieldError('email')} />
      <TextField label={t('currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required error={form.fieldError('currentPassword')} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={form.pending}>
          {t('changeEmail')}
        </Button>
        <p role="status" className="text-sm text-fg-muted">
          {form.succeeded && !form.pending && sentTo ? t('emailChangeSent', { email: sentTo }) : ''}
        </p>
      </div>
    </form>
  );
}
