'use client';
import { useTranslations } from 'next-intl';
import { TextAreaField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { sharePostAction } from '@/lib/feed/actions';
import { maxPostLength } from '@/lib/feed/client';
import { AudienceSelect } from './audience-select';
import { FormFooter } from './form-footer';

/** Passes a post on with the person's own words and audience. */
export function ShareForm({ postId, onDone }: { postId: string; onDone: (shared: boolean) => void }) {
  const t = useTranslations('feed');
  const form = useActionForm((data) => sharePostAction({ postId, body: data.get('body'), audience: data.get('audience') }), () => onDone(true));
  return (
    <form onSubmit={form.onSubmit} className="flex flex-col gap-3 rounded-xl border border-line p-3" aria-label={t('shareTitle')}>
      <TextAreaField label={t('shareSay')} name="body" maxLength={maxPostLength} rows={2} error={form.fieldError('body')} />
      <AudienceSelect defaultValue="FRIENDS" error={form.fieldError('audience')} />
      <FormFooter message={form.fieldError('body') ? null : form.message} submitLabel={t('shareNow')} pending={form.pending} onCancel={() => onDone(false)} />
    </form>
  );
}
