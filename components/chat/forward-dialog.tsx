'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { forwardMessageAction, listChatsAction, sendMessageAction } from '@/lib/chat/actions';
import type { ChatSummary } from '@/lib/chat/client';
import { newClientId } from './outbox';

type Outcome = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

/** Forwarding a message to other chats. */
export function ForwardDialog({ messageId, onClose }: { messageId: string; onClose: (forwarded: boolean) => void }) {
  const t = useTranslations('chat');
  const [clientId] = useState(newClientId);
  return <ChooseChatsDialog title={t('forwardTo')} submitLabel={t('forward')} onClose={onClose} send={(conversationIds) => forwardMessageAction({ messageId, conversationIds, clientId })} />;
}

/** Sending a post to chats as a card; each reader's card shows what they may see of the post. */
export function SendPostDialog({ postId, onClose }: { postId: string; onClose: (sent: boolean) => void }) {
  const t = useTranslations('chat');
  const [clientId] = useState(newClientId);
  return (
    <ChooseChatsDialog
      title={t('sendPostTo')}
      submitLabel={t('send')}
      onClose={onClose}
      send={async (conversationIds) => {
        for (const conversationId of conversationIds) {
          const result = await sendMessageAction({ conversationId, clientId: `${clientId}-${conversationId}`, card: { type: 'post', id: postId } });
          if (!result.ok) return result;
        }
        return { ok: true };
      }}
    />
  );
}

/** Choosing chats in a native modal dialog (focus and Escape for free), then sending to them. */
function ChooseChatsDialog({ title, submitLabel, send, onClose }: { title: string; submitLabel: string; send: (conversationIds: string[]) => Promise<Outcome>; onClose: (done: boolean) => void }) {
  const t = useTranslations('chat');
  const dialog = useRef<HTMLDialogElement>(null);
  const [chats, setChats] = useState<ChatSummary[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    dialog.current?.showModal();
    void listChatsAction({ archived: false }).then((result) => setChats(result.ok ? result.data.chats : []));
  }, []);

  return (
    <dialog ref={dialog} onClose={() => onClose(false)} className="m-auto w-[min(28rem,92vw)] rounded-2xl bg-surface p-0 text-fg backdrop:bg-black/50" aria-labelledby="forward-title">
      <form
        className="flex flex-col gap-3 p-4"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const result = await send(chosen).catch(() => null);
            if (!result) return setError(t('networkError'));
            if (result.ok) onClose(true);
            else setError(Object.values(result.fieldErrors)[0] ?? result.message);
          });
        }}
      >
        <h2 id="forward-title" className="text-lg font-semibold">
          {title}
        </h2>
        {chats === null ? (
          <p aria-busy className="text-fg-muted">{t('loading')}</p>
        ) : (
          <ul className="flex max-h-[50vh] flex-col overflow-y-auto">
            {chats.map((chat) => (
              <li key={chat.id}>
                <label className="flex min-h-11 items-center gap-3 rounded-lg px-2 hover:bg-surface-2">
                  <input type="checkbox" className="size-5 accent-brand" checked={chosen.includes(chat.id)} onChange={(event) => setChosen((current) => (event.target.checked ? [...current, chat.id] : current.filter((id) => id !== chat.id)))} />
                  {chat.title || t('untitledGroup', { count: chat.memberCount })}
                </label>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={() => onClose(false)}>
            {t('cancel')}
          </Button>
          <Button type="submit" pending={pending} disabled={chosen.length === 0}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
