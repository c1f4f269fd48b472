'use client';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { reportAction } from '@/lib/feed/actions';
import { reportReasons } from '@/lib/feed/client';
import { FormFooter } from './form-footer';

/** Asks why, then reports a post or a comment; `onDone` gets what to tell the person. */
export function ReportForm({ targetType, targetId, onDone, className = '' }: { targetType: 'post' | 'comment'; targetId: string; onDone: (message: { text: string; error: boolean } | null) => void; className?: string }) {
  const t = useTranslations('feed');
  const [pending, startTransition] = useTransition();

  function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason'));
    startTransition(async () => {
      const result = await reportAction({ targetType, targetId, reason });
      onDone(result.ok ? { text: t('reported'), error: false } : { text: result.message, error: true });
    });
  }

  return (
    <form onSubmit={send} aria-label={t('report')} className={`flex flex-col gap-2 rounded-xl border border-line bg-surface p-3 shadow-lg ${className}`}>
      <SelectField label={t('reportWhy')} name="reason" options={reportReasons.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))} />
      <FormFooter submitLabel={t('sendReport')} pending={pending} onCancel={() => onDone(null)} />
    </form>
  );
}
