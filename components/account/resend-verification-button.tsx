'use client';
import { useTranslations } from 'next-intl';
import { resendVerificationAction } from '@/lib/account/recovery-actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';

export function ResendVerificationButton() {
  const t = useTranslations('recovery');
  const form = useActionForm(resendVerificationAction);
  return (
    <form onSubmit={form.onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="intent" value="resend-verification" />
      <Button type="submit" variant="secondary" pending={form.pending}>
        {t('resend')}
      </Button>
      <p role="status" className="text-sm">
        {form.succeeded && !form.pending ? t('resent') : ''}
      </p>
      <FormMessage message={form.message} />
    </form>
  );
}
