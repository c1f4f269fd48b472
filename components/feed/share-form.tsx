'use client';
import { useTranslations } from 'next-intl';
import { TextAreaField } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { useActionForm } from '@/components/ui/use-action-form';
import { sharePostAction } from '@/lib/feed/actions';
import { maxPostLength } from '@/lib/feed/client';
import { AudienceSelect } from './audience-select';

/** Passes a post on with the person's own words and audience. */
export function ShareForm({ postId, onDone }: { postId: string; onDone: (shared: boolean) => void }) {
  const t = useTranslations('feed');
  const form = useActionForm((data) => sharePostAction({ postId, body: data.get('body'), audience: data.get('audience') }), () => onDone(true));
  return (
    <form onSubmit={form.onSubmit} className="flex flex-col gap-3 rounded-xl border border-line p-3" aria-label={t('shareTitle')}>
      <TextAreaField label={t('shareSay')} name="body" maxLength={maxPostLength} rows={2} error={form.fieldError('body')} />
      <AudienceSelect defaultValue="FRIENDS" error={form.fieldError('audience')} />
      {form.message && !form.fieldError('body') && (
        <p role="alert" className="text-sm text-danger">
          {form.message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          {t('shareNow')}
        </Button>
        <Button type="button" variant="ghost" onClick={() => onDone(false)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
