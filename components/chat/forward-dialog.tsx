'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { forwardMessageAction, listChatsAction } from '@/lib/chat/actions';
import type { ChatSummary } from '@/lib/chat/client';
import { newClientId } from './outbox';

/** Choosing the chats to forward a message to, in a native modal dialog (focus and Escape for free). */
export function ForwardDialog({ messageId, onClose }: { messageId: string; onClose: (forwarded: boolean) => void }) {
  const t = useTranslations('chat');
  const dialog = useRef<HTMLDialogElement>(null);
  const [chats, setChats] = useState<ChatSummary[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [clientId] = useState(newClientId);
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
            const result = await forwardMessageAction({ messageId, conversationIds: chosen, clientId });
            if (result.ok) onClose(true);
            else setError(Object.values(result.fieldErrors)[0] ?? result.message);
          });
        }}
      >
        <h2 id="forward-title" className="text-lg font-semibold">
          {t('forwardTo')}
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
            {t('forward')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
