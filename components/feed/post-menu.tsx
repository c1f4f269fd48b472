'use client';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { deletePostAction } from '@/lib/feed/actions';
import { useHydrated } from '@/components/ui/use-hydrated';
import { SendPostDialog } from '@/components/chat/forward-dialog';
import { ReportForm } from './report-form';

/**
 * The "…" menu of a post: edit and delete for its author, report for everyone else. A plain
 * disclosure (a button that shows a list of buttons), so it works with keyboard and screen reader.
 */
export function PostMenu({ postId, mine, onEdit, onDeleted }: { postId: string; mine: boolean; onEdit: () => void; onDeleted: () => void }) {
  const t = useTranslations('feed');
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function remove() {
    setOpen(false);
    if (!window.confirm(t('deleteConfirm'))) return;
    startTransition(async () => {
      const result = await deletePostAction({ postId });
      if (result.ok) onDeleted();
      else setMessage({ text: result.message, error: true });
    });
  }

  return (
    <div
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && (open || reporting)) {
          setOpen(false);
          setReporting(false);
        }
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('postActions')}
        aria-busy={pending || undefined}
        disabled={!hydrated}
        onClick={() => {
          setMessage(null);
          setOpen((value) => !value);
        }}
        className="flex size-11 items-center justify-center rounded-full text-xl text-fg-muted hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-brand"
      >
        <span aria-hidden>⋯</span>
      </button>
      {open && (
        <ul id={menuId} className="absolute right-0 z-10 flex min-w-40 flex-col rounded-xl border border-line bg-surface p-1 shadow-lg">
          <li>
            <button type="button" className="min-h-11 w-full rounded-lg px-3 text-left hover:bg-surface-2" onClick={() => { setOpen(false); setSending(true); }}>
              {t('sendInChat')}
            </button>
          </li>
          {mine ? (
            <>
              <li>
                <button type="button" className="min-h-11 w-full rounded-lg px-3 text-left hover:bg-surface-2" onClick={() => { setOpen(false); onEdit(); }}>
                  {t('edit')}
                </button>
              </li>
              <li>
                <button type="button" className="min-h-11 w-full rounded-lg px-3 text-left text-danger hover:bg-surface-2" onClick={remove}>
                  {t('delete')}
                </button>
              </li>
            </>
          ) : (
            <li>
              <button type="button" className="min-h-11 w-full rounded-lg px-3 text-left hover:bg-surface-2" onClick={() => { setOpen(false); setReporting(true); }}>
                {t('report')}
              </button>
            </li>
          )}
        </ul>
      )}
      {sending && (
        <SendPostDialog
          postId={postId}
          onClose={(sent) => {
            setSending(false);
            if (sent) setMessage({ text: t('sentInChat'), error: false });
          }}
        />
      )}
      {reporting && (
        <ReportForm
          targetType="post"
          targetId={postId}
          className="absolute right-0 z-10 w-64"
          onDone={(result) => {
            setReporting(false);
            setMessage(result);
          }}
        />
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={`absolute right-0 top-11 z-10 flex w-56 items-start gap-2 rounded-lg bg-surface-2 p-2 text-sm shadow-lg ${message.error ? 'text-danger' : ''}`}>
          <span className="flex-1">{message.text}</span>
          <button type="button" className="font-medium text-fg hover:underline" onClick={() => setMessage(null)}>
            {t('dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
