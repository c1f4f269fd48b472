'use client';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { LinkedText } from '@/components/ui/linked-text';
import { useHydrated } from '@/components/ui/use-hydrated';
import { deleteForMeAction, editMessageAction, reactAction, recallMessageAction } from '@/lib/chat/actions';
import { reactionEmojis, type MessageDto } from '@/lib/chat/client';
import { imageSrcSet, imageUrl } from '@/lib/media/client';
import { PaymentCardView } from './payment-card';
import { useSystemText } from './system-text';

type Handlers = { onReply: (message: MessageDto) => void; onForward: (message: MessageDto) => void; onChanged: (message: MessageDto) => void; onHidden: (id: string) => void };

/** One message: a system note in the middle, or a bubble with its sender, words, photos, cards, reactions and receipt. */
export function MessageBubble({ message, group, names, highlighted, ...handlers }: { message: MessageDto; group: boolean; names: Record<string, string>; highlighted: boolean } & Handlers) {
  const t = useTranslations('chat');
  const format = useFormatter();
  const systemText = useSystemText();
  // The server renders in UTC; once in the browser, times follow the reader's own clock.
  const hydrated = useHydrated();
  const timeZone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : undefined;
  if (message.system) {
    return (
      <li id={`m-${message.seq}`} className="flex justify-center py-1" data-seq={message.seq} data-message={message.id}>
        <p className="rounded-full bg-surface-2 px-3 py-1 text-xs text-fg-muted">{systemText(message.system, { ...message.names, ...names })}</p>
      </li>
    );
  }
  const mine = message.mine;
  return (
    <li id={`m-${message.seq}`} className={`flex gap-2 py-1 ${mine ? 'flex-row-reverse' : ''}`} data-seq={message.seq} data-message={message.id} data-mine={mine || undefined}>
      {!mine && message.sender && <Avatar name={message.sender.name} handle={message.sender.handle} avatarId={message.sender.avatarId} size={32} alt="" className="mt-1" />}
      <div className={`flex max-w-[80%] flex-col gap-1 ${mine ? 'items-end' : 'items-start'}`}>
        {group && !mine && message.sender && <span className="px-1 text-xs text-fg-muted">{message.sender.name}</span>}
        <div
          className={`relative rounded-2xl px-3 py-2 ${message.recalled ? 'bg-transparent italic text-fg-muted' : mine ? 'bg-brand text-on-brand' : 'bg-surface-2 text-fg'} ${highlighted ? 'ring-2 ring-amber-400' : ''}`}
        >
          {message.recalled ? (
            <p>{mine ? t('youRecalled') : t('messageRecalled')}</p>
          ) : (
            <>
              {message.forwarded && <p className="text-xs opacity-80">{t('forwarded')}</p>}
              {message.replyTo && (
                <a href={`#m-${message.replyTo.seq}`} className="mb-1 block rounded-lg border-l-4 border-current/40 bg-black/10 px-2 py-1 text-sm opacity-90">
                  <span className="font-semibold">{message.replyTo.senderName ?? t('someone')}</span>
                  <span className="line-clamp-2">{message.replyTo.preview || t('photoPreview')}</span>
                </a>
              )}
              {message.photos.length > 0 && (
                <div className={`grid gap-1 ${message.photos.length > 1 ? 'grid-cols-2' : ''}`}>
                  {message.photos.map((photo) => (
                    <a key={photo.id} href={imageUrl(photo.id, 'lg')} target="_blank" rel="noreferrer">
                      {/* eslint-disable-next-line @next/next/no-img-element -- variants are already sized WebP */}
                      <img src={imageUrl(photo.id, 'md')} srcSet={imageSrcSet(photo.id, 'chat')} sizes="(min-width: 640px) 320px, 60vw" width={photo.width} height={photo.height} alt={t('photoFrom', { name: message.sender?.name ?? '' })} className="h-auto max-h-80 w-full rounded-xl object-cover" />
                    </a>
                  ))}
                </div>
              )}
              {message.card && <PostCard card={message.card} />}
              {message.payment && <PaymentCardView message={message} onChanged={handlers.onChanged} />}
              {message.body && !message.payment && <LinkedText text={message.body} />}
            </>
          )}
        </div>
        {message.reactions.length > 0 && <Reactions message={message} onChanged={handlers.onChanged} />}
        <span className="flex items-center gap-2 px-1 text-xs text-fg-muted">
          <time dateTime={message.createdAt}>{format.dateTime(new Date(message.createdAt), { hour: 'numeric', minute: '2-digit', timeZone })}</time>
          {message.edited && !message.recalled && <span>{t('edited')}</span>}
          {message.receipt && <Receipt receipt={message.receipt} group={group} />}
          {!message.recalled && <MessageMenu message={message} {...handlers} />}
        </span>
      </div>
    </li>
  );
}

function Receipt({ receipt, group }: { receipt: NonNullable<MessageDto['receipt']>; group: boolean }) {
  const t = useTranslations('chat');
  if (group) return receipt.seenBy > 0 ? <span data-receipt="seen">{t('seenBy', { count: receipt.seenBy })}</span> : <span data-receipt="sent">{t('sent')}</span>;
  const label = t(`receipt.${receipt.state}`);
  return (
    <span data-receipt={receipt.state} aria-label={label} title={label} className={receipt.state === 'read' ? 'font-bold text-brand' : ''}>
      {receipt.state === 'sent' ? '✓' : '✓✓'}
    </span>
  );
}

function PostCard({ card }: { card: NonNullable<MessageDto['card']> }) {
  const t = useTranslations('chat');
  if (!card.preview) return <p className="rounded-xl bg-surface px-3 py-2 text-sm text-fg-muted">{t('postUnavailable')}</p>;
  return (
    <Link href={`/feed/p/${card.id}`} className="flex gap-2 rounded-xl bg-surface p-2 text-fg">
      {card.preview.photoId && (
        // eslint-disable-next-line @next/next/no-img-element -- a small sized WebP variant
        <img src={imageUrl(card.preview.photoId, 'sm')} alt="" width={64} height={64} className="size-16 rounded-lg object-cover" />
      )}
      <span className="flex min-w-0 flex-col text-sm">
        <span className="font-semibold">{t('postBy', { name: card.preview.authorName })}</span>
        <span className="line-clamp-3 text-fg-muted">{card.preview.text}</span>
      </span>
    </Link>
  );
}

function Reactions({ message, onChanged }: { message: MessageDto; onChanged: (message: MessageDto) => void }) {
  const t = useTranslations('chat');
  const [, startTransition] = useTransition();
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t('reactions')}>
      {message.reactions.map((reaction) => (
        <li key={reaction.emoji}>
          <button
            type="button"
            aria-pressed={reaction.mine}
            aria-label={t('reactionCount', { emoji: reaction.emoji, count: reaction.count })}
            onClick={() =>
              startTransition(async () => {
                const result = await reactAction({ messageId: message.id, emoji: reaction.emoji as (typeof reactionEmojis)[number], on: !reaction.mine }).catch(() => null);
                if (result?.ok) onChanged(result.data);
              })
            }
            className={`min-h-8 rounded-full border px-2 text-sm ${reaction.mine ? 'border-brand bg-brand/10' : 'border-line bg-surface'}`}
          >
            {reaction.emoji} {reaction.count}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The "…" menu of a message: reply, react, copy, forward, edit, recall, delete for me. */
function MessageMenu({ message, onReply, onForward, onChanged, onHidden }: { message: MessageDto } & Handlers) {
  const t = useTranslations('chat');
  const menuId = useId();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const forwardable = ['TEXT', 'IMAGE', 'CARD'].includes(message.kind);

  function run(work: () => Promise<{ ok: true; data: MessageDto } | { ok: false; message: string; fieldErrors: Record<string, string> }>) {
    setOpen(false);
    setError(null);
    startTransition(async () => {
      try {
        const result = await work();
        if (result.ok) onChanged(result.data);
        else setError(Object.values(result.fieldErrors)[0] ?? result.message);
      } catch {
        setError(t('networkError'));
      }
    });
  }

  const item = 'block w-full rounded-lg px-3 py-2 text-left text-sm text-fg hover:bg-surface-2';
  return (
    <span className="relative" onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('messageActions')}
        aria-busy={pending || undefined}
        disabled={!hydrated}
        onClick={() => setOpen((value) => !value)}
        className="flex size-8 items-center justify-center rounded-full hover:bg-surface-2"
      >
        <span aria-hidden>⋯</span>
      </button>
      {open && (
        <div id={menuId} className={`absolute top-8 z-20 flex w-52 flex-col rounded-xl border border-line bg-surface p-1 shadow-lg ${message.mine ? 'right-0' : 'left-0'}`}>
          <div className="flex justify-between px-1 pb-1" role="group" aria-label={t('react')}>
            {reactionEmojis.map((emoji) => (
              <button
                key={emoji}
                type="button"
                aria-label={t('reactWith', { emoji })}
                className="size-8 rounded-full text-lg hover:bg-surface-2"
                onClick={() => run(() => reactAction({ messageId: message.id, emoji, on: !message.reactions.some((reaction) => reaction.emoji === emoji && reaction.mine) }))}
              >
                {emoji}
              </button>
            ))}
          </div>
          <button type="button" className={item} onClick={() => (setOpen(false), onReply(message))}>
            {t('reply')}
          </button>
          {message.body && (
            <button type="button" className={item} onClick={() => (setOpen(false), void navigator.clipboard?.writeText(message.body))}>
              {t('copy')}
            </button>
          )}
          {forwardable && (
            <button type="button" className={item} onClick={() => (setOpen(false), onForward(message))}>
              {t('forward')}
            </button>
          )}
          {message.mayEdit && (
            <button type="button" className={item} onClick={() => (setOpen(false), setDraft(message.body), setEditing(true))}>
              {t('edit')}
            </button>
          )}
          {message.mayRecall && (
            <button type="button" className={item} onClick={() => run(() => recallMessageAction({ messageId: message.id }))}>
              {t('recall')}
            </button>
          )}
          <button
            type="button"
            className={`${item} text-danger`}
            onClick={() => {
              setOpen(false);
              startTransition(async () => {
                try {
                  const result = await deleteForMeAction({ messageId: message.id });
                  if (result.ok) onHidden(message.id);
                  else setError(result.message);
                } catch {
                  setError(t('networkError'));
                }
              });
            }}
          >
            {t('deleteForMe')}
          </button>
        </div>
      )}
      {editing && (
        <form
          className="absolute top-8 right-0 z-20 flex w-72 flex-col gap-2 rounded-xl border border-line bg-surface p-2 text-fg shadow-lg"
          onSubmit={(event) => {
            event.preventDefault();
            setEditing(false);
            run(() => editMessageAction({ messageId: message.id, body: draft }));
          }}
        >
          <label className="text-sm font-medium" htmlFor={`${menuId}-edit`}>
            {t('editMessage')}
          </label>
          <textarea id={`${menuId}-edit`} value={draft} onChange={(event) => setDraft(event.target.value)} rows={3} className="rounded-lg border border-line bg-surface p-2 text-base" />
          <span className="flex justify-end gap-2">
            <button type="button" className="rounded-lg px-3 py-1.5 text-sm" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
            <button type="submit" className="rounded-lg bg-brand px-3 py-1.5 text-sm font-semibold text-on-brand">
              {t('save')}
            </button>
          </span>
        </form>
      )}
      {error && (
        <span role="alert" className="absolute top-8 right-0 z-20 w-56 rounded-lg bg-surface p-2 text-danger shadow">
          {error}
        </span>
      )}
    </span>
  );
}
