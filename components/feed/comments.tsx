'use client';
import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useId, useRef, useState, useTransition } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { addCommentAction, deleteCommentAction, listCommentsAction } from '@/lib/feed/actions';
import { maxCommentLength, type CommentDto } from '@/lib/feed/client';
import { PostText } from './post-text';
import { ReportForm } from './report-form';

/**
 * A post's comments with one level of replies. `version` changes when someone else commented
 * (a live event), and the list is fetched again: the event itself carries no text.
 */
export function Comments({ postId, version, onChanged }: { postId: string; version: number; onChanged: () => void }) {
  const t = useTranslations('feed');
  const format = useFormatter();
  const [comments, setComments] = useState<CommentDto[] | null>(null);
  // Times read relative to when the list arrived: comments only ever load in the browser.
  const [loadedAt, setLoadedAt] = useState(() => new Date());
  const [loadError, setLoadError] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<CommentDto | null>(null);
  const [reporting, setReporting] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ id: string; text: string; error: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLTextAreaElement>(null);
  const inputId = useId();

  const load = useCallback(async () => {
    const result = await listCommentsAction({ postId });
    if (result.ok) {
      setComments(result.data);
      setLoadedAt(new Date());
      setLoadError(null);
    } else setLoadError(result.message);
  }, [postId]);

  useEffect(() => {
    // Fetching on open and after each live change is this component's job.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load, version]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get('body') ?? '');
    startTransition(async () => {
      const result = await addCommentAction({ postId, body, parentId: replyTo?.id });
      if (!result.ok) return setError(result.fieldErrors.body ?? result.message);
      setError(null);
      setReplyTo(null);
      form.reset();
      onChanged();
      await load();
    });
  }

  function remove(comment: CommentDto) {
    if (!window.confirm(t('deleteCommentConfirm'))) return;
    startTransition(async () => {
      const result = await deleteCommentAction({ commentId: comment.id });
      if (!result.ok) return setError(result.message);
      onChanged();
      await load();
    });
  }

  const top = comments?.filter((comment) => !comment.parentId) ?? [];
  const repliesOf = (id: string) => comments?.filter((comment) => comment.parentId === id) ?? [];

  const renderComment = (comment: CommentDto) => (
    <div className="flex gap-2">
      <Avatar name={comment.author.name} handle={comment.author.handle} avatarId={comment.author.avatarId} size={32} alt="" />
      <div className="min-w-0 flex-1">
        <div className="rounded-xl bg-surface-2 px-3 py-2">
          <Link href={`/u/${comment.author.handle}`} className="text-sm font-semibold hover:underline">
            {comment.author.name}
          </Link>
          <PostText text={comment.body} className="text-sm" />
        </div>
        <div className="flex items-center gap-3 px-2 text-xs text-fg-muted">
          <time dateTime={comment.createdAt}>{format.relativeTime(new Date(comment.createdAt), loadedAt)}</time>
          <button type="button" aria-label={t('replyTo', { name: comment.author.name })} className="min-h-8 font-medium hover:underline" onClick={() => { setReplyTo(comment); input.current?.focus(); }}>
            {t('reply')}
          </button>
          {comment.deletable && (
            <button type="button" aria-label={t('deleteCommentOf', { name: comment.author.name })} className="min-h-8 font-medium hover:underline" onClick={() => remove(comment)}>
              {t('deleteComment')}
            </button>
          )}
          {!comment.mine && (
            <button type="button" aria-label={t('reportCommentOf', { name: comment.author.name })} className="min-h-8 font-medium hover:underline" aria-expanded={reporting === comment.id} onClick={() => setReporting(comment.id)}>
              {t('report')}
            </button>
          )}
        </div>
        {reporting === comment.id && (
          <ReportForm
            targetType="comment"
            targetId={comment.id}
            onDone={(result) => {
              setReporting(null);
              setNotice(result && { id: comment.id, ...result });
            }}
          />
        )}
        {notice?.id === comment.id && (
          <p role={notice.error ? 'alert' : 'status'} className={`px-2 text-sm ${notice.error ? 'text-danger' : 'text-fg-muted'}`}>
            {notice.text}
          </p>
        )}
      </div>
    </div>
  );

  return (
    <section aria-label={t('comments')} className="flex flex-col gap-3 border-t border-line pt-3">
      {comments === null && !loadError && <p className="text-sm text-fg-muted">{t('loadingComments')}</p>}
      {loadError && <p role="alert" className="text-sm text-danger">{loadError}</p>}
      {comments?.length === 0 && <p className="text-sm text-fg-muted">{t('noComments')}</p>}
      {top.length > 0 && (
        <ul className="flex flex-col gap-3" aria-label={t('comments')}>
          {top.map((comment) => (
            <li key={comment.id} className="flex flex-col gap-2">
              {renderComment(comment)}
              {repliesOf(comment.id).length > 0 && (
                <ul className="ml-10 flex flex-col gap-2" aria-label={t('repliesTo', { name: comment.author.name })}>
                  {repliesOf(comment.id).map((reply) => (
                    <li key={reply.id}>{renderComment(reply)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="flex flex-col gap-2">
        {replyTo && (
          <p className="flex items-center gap-2 text-sm text-fg-muted">
            {t('replyingTo', { name: replyTo.author.name })}
            <button type="button" className="font-medium text-brand hover:underline" onClick={() => setReplyTo(null)}>
              {t('cancel')}
            </button>
          </p>
        )}
        <label htmlFor={inputId} className="sr-only">
          {replyTo ? t('writeReply') : t('writeComment')}
        </label>
        <div className="flex items-end gap-2">
          <textarea
            ref={input}
            id={inputId}
            name="body"
            required
            maxLength={maxCommentLength}
            rows={1}
            placeholder={replyTo ? t('writeReply') : t('writeComment')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            className="min-h-11 flex-1 resize-none rounded-xl border border-line bg-surface px-3 py-2 text-base text-fg placeholder:text-fg-muted focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30"
          />
          <Button type="submit" pending={pending}>
            {t('send')}
          </Button>
        </div>
        {error && (
          <p id={`${inputId}-error`} role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
