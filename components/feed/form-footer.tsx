'use client';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/**
 * The end of the feed's small inline forms (edit, share, report): the form's refusal when it
 * belongs to no single field, then submit and cancel.
 */
export function FormFooter({ message, submitLabel, pending, onCancel }: { message?: string | null; submitLabel: string; pending: boolean; onCancel: () => void }) {
  const t = useTranslations('feed');
  return (
    <>
      {message && (
        <p role="alert" className="text-sm text-danger">
          {message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </>
  );
}
