'use client';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, useTransition } from 'react';
import { PhotoPicker, type PickedPhoto } from '@/components/media/photo-picker';
import { useHydrated } from '@/components/ui/use-hydrated';
import { sendMessageAction } from '@/lib/chat/actions';
import { maxMessageLength, maxPhotosPerMessage, type MessageDto } from '@/lib/chat/client';
import { MoneyForm } from './money-form';
import { newClientId } from './outbox';

/**
 * Writing a message. Words go through the outbox (they wait for the network, in order); photos
 * and money need the network now, so they are sent directly and a refusal is shown in place.
 * Enter sends, Shift+Enter starts a new line.
 */
export function Composer({
  conversationId,
  group,
  memberCount,
  disabled,
  replyTo,
  onCancelReply,
  onSend,
  onSent,
  onTyping,
  maxBytes,
}: {
  conversationId: string;
  group: boolean;
  memberCount: number;
  disabled: string | null;
  replyTo: MessageDto | null;
  onCancelReply: () => void;
  onSend: (body: string, replyToId?: string) => void;
  onSent: (message: MessageDto) => void;
  onTyping: () => void;
  maxBytes: number;
}) {
  const t = useTranslations('chat');
  const id = useId();
  const hydrated = useHydrated();
  const [body, setBody] = useState('');
  const [panel, setPanel] = useState<'photos' | 'money' | null>(null);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const field = useRef<HTMLTextAreaElement>(null);
  const tooLong = body.length > maxMessageLength;

  if (disabled) {
    return <p className="border-t border-line bg-surface px-4 py-3 text-center text-sm text-fg-muted">{disabled}</p>;
  }

  function submit() {
    // A second Enter while photos are still going must not send them twice.
    if (pending) return;
    setError(null);
    const text = body.trim();
    if (tooLong) return setError(t('tooLongHint', { max: maxMessageLength }));
    if (photos.length > 0) {
      const clientId = newClientId();
      const sending = { text, photos, replyToId: replyTo?.id };
      // Cleared at once: words typed while the photos go must not be wiped when the answer comes.
      setPhotos([]);
      setBody('');
      setPanel(null);
      onCancelReply();
      startTransition(async () => {
        const result = await sendMessageAction({ conversationId, clientId, body: sending.text, mediaIds: sending.photos.map((photo) => photo.id), replyToId: sending.replyToId }).catch(() => null);
        if (result?.ok) return onSent(result.data);
        // Not sent: the photos and words come back, with the reason.
        setPhotos(sending.photos);
        setPanel('photos');
        setBody((current) => current || sending.text);
        setError(!result ? t('networkError') : (Object.values(result.fieldErrors)[0] ?? result.message));
      });
      return;
    }
    if (!text) return;
    onSend(text, replyTo?.id);
    setBody('');
    onCancelReply();
    field.current?.focus();
  }

  return (
    <div className="border-t border-line bg-surface px-2 pb-2 pt-1">
      {replyTo && (
        <div className="flex items-center gap-2 px-2 py-1 text-sm">
          <span className="min-w-0 flex-1 truncate border-l-4 border-brand pl-2 text-fg-muted">
            {t('replyingTo', { name: replyTo.sender?.name ?? t('someone') })}: {replyTo.body || t('photoPreview')}
          </span>
          <button type="button" onClick={onCancelReply} className="rounded-full px-2 py-1 text-fg-muted hover:bg-surface-2" aria-label={t('cancelReply')}>
            ✕
          </button>
        </div>
      )}
      {panel === 'photos' && (
        <div className="p-2">
          <PhotoPicker purpose="chat" max={maxPhotosPerMessage} value={photos} onChange={setPhotos} label={t('photos')} maxBytes={maxBytes} onBusyChange={setUploading} />
        </div>
      )}
      {panel === 'money' && (
        <div className="p-2">
          <MoneyForm conversationId={conversationId} group={group} memberCount={memberCount} onSent={onSent} onClose={() => setPanel(null)} />
        </div>
      )}
      <form
        className="flex items-end gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <button type="button" aria-expanded={panel === 'photos'} onClick={() => setPanel(panel === 'photos' ? null : 'photos')} className="flex size-11 shrink-0 items-center justify-center rounded-full text-xl hover:bg-surface-2" aria-label={t('addPhotos')}>
          <span aria-hidden>🖼</span>
        </button>
        <button type="button" aria-expanded={panel === 'money'} onClick={() => setPanel(panel === 'money' ? null : 'money')} className="flex size-11 shrink-0 items-center justify-center rounded-full text-xl hover:bg-surface-2" aria-label={group ? t('money.sendRedPacket') : t('money.sendTransfer')}>
          <span aria-hidden>{group ? '🧧' : '💸'}</span>
        </button>
        <label htmlFor={id} className="sr-only">
          {t('messageLabel')}
        </label>
        <textarea
          id={id}
          ref={field}
          value={body}
          rows={1}
          placeholder={t('messagePlaceholder')}
          aria-invalid={tooLong || undefined}
          aria-describedby={error || tooLong ? `${id}-error` : undefined}
          onChange={(event) => {
            setBody(event.target.value);
            if (event.target.value) onTyping();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
          className="max-h-40 min-h-11 flex-1 resize-none rounded-2xl border border-line bg-surface-2 px-3 py-2.5 text-base text-fg focus:border-brand focus:outline-none"
        />
        <button
          type="submit"
          disabled={!hydrated || pending || uploading || (!body.trim() && photos.length === 0)}
          aria-busy={pending || undefined}
          className="min-h-11 shrink-0 rounded-full bg-brand px-4 font-semibold text-on-brand disabled:opacity-50"
        >
          {t('send')}
        </button>
      </form>
      {(error || tooLong) && (
        <p id={`${id}-error`} role="alert" className="px-2 pt-1 text-sm text-danger">
          {error ?? t('tooLongHint', { max: maxMessageLength })}
        </p>
      )}
    </div>
  );
}
