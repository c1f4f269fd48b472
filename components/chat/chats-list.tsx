'use client';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { OnlineDot } from '@/components/account/presence-status';
import { Avatar } from '@/components/ui/avatar';
import type { PersonStatus } from '@/lib/account/client';
import { activityEventSchema, chatEvents, chatsPageMax, chatsPageSize, type ChatSummary, type ChatsPage } from '@/lib/chat/client';
import { listChatsAction } from '@/lib/chat/actions';
import { useOwnChannel } from '@/lib/realtime/client';
import { ChatPreview } from './chat-preview';

/**
 * The chats list, newest activity first, kept current by `chat.activity` events on the person's
 * own channel: any change refetches what is shown (one query set, whatever changed). "Show more
 * chats" widens what is shown by a page; someone who has opened many pages pays for re-reading
 * them on each change, which keeps the list exact (moves, archives and leaves included).
 */
export function ChatsList({ initial, archived, renderedAt }: { initial: ChatsPage; archived: boolean; renderedAt: string }) {
  const t = useTranslations('chat');
  const [basis, setBasis] = useState(initial);
  const [page, setPage] = useState(initial);
  const [limit, setLimit] = useState(chatsPageSize);
  const [loadingMore, setLoadingMore] = useState(false);
  const [failed, setFailed] = useState(false);
  if (basis !== initial) {
    setBasis(initial);
    setPage(initial);
    setLimit(chatsPageSize);
  }
  // Live reloads read as many chats as are shown, including those asked for a moment ago.
  const shown = useRef(limit);
  useEffect(() => {
    shown.current = limit;
  }, [limit]);
  // Times are relative to the server render until the list is fetched again in the browser.
  const [now, setNow] = useState(renderedAt);
  // Only the latest request's answer is shown: an older, shorter one arriving late would undo it.
  const latestRequest = useRef(0);
  const load = useCallback(
    async (count: number): Promise<'loaded' | 'failed' | 'superseded'> => {
      const request = ++latestRequest.current;
      const result = await listChatsAction({ archived, limit: count }).catch(() => null);
      if (request !== latestRequest.current) return 'superseded';
      if (!result?.ok) return 'failed';
      setPage(result.data);
      setNow(new Date().toISOString());
      return 'loaded';
    },
    [archived],
  );
  const reload = useCallback(() => void load(shown.current), [load]);
  const live = useOwnChannel(chatEvents.activity, activityEventSchema, reload, { onReconnect: reload });

  // After "Show more", keyboard focus moves to the first chat that came in.
  const list = useRef<HTMLUListElement>(null);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    list.current?.querySelectorAll<HTMLAnchorElement>('a[data-chat]')[focusRow.current]?.focus();
    focusRow.current = null;
  }, [page]);
  const showMore = async () => {
    if (loadingMore) return;
    const before = page.chats.length;
    const more = limit + chatsPageSize;
    setLoadingMore(true);
    shown.current = more;
    setLimit(more);
    focusRow.current = before;
    const outcome = await load(more);
    if (outcome === 'failed') {
      focusRow.current = null;
      shown.current = limit;
      setLimit(limit);
    }
    setFailed(outcome === 'failed');
    setLoadingMore(false);
  };
  const chats = page.chats;

  if (chats.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 px-6 py-16 text-center" data-live={live || undefined}>
        <p className="text-lg font-semibold">{archived ? t('noArchived') : t('noChats')}</p>
        {!archived && <p className="text-fg-muted">{t('noChatsHint')}</p>}
        {!archived && (
          <Link href="/chats/new" className="mt-2 rounded-full bg-brand px-5 py-2.5 font-semibold text-on-brand">
            {t('newChat')}
          </Link>
        )}
      </div>
    );
  }
  return (
    <ul ref={list} className="divide-y divide-line" aria-label={archived ? t('archivedChats') : t('chats')} data-live={live || undefined}>
      {chats.map((chat) => (
        <ChatRow key={chat.id} chat={chat} status={chat.other ? page.statuses[chat.other.id] : undefined} now={now} />
      ))}
      {page.hasMore && limit < chatsPageMax && (
        <li className="flex flex-col items-center gap-1 px-4 py-3">
          {/* aria-disabled, not disabled: disabling the focused button would drop keyboard focus. */}
          <button type="button" onClick={() => void showMore()} aria-disabled={loadingMore} aria-busy={loadingMore} className="rounded-full px-4 py-2 text-sm font-medium text-brand hover:bg-surface-2 aria-disabled:opacity-60">
            {loadingMore ? t('loadingMoreChats') : t('showMoreChats')}
          </button>
          {failed && <p role="alert" className="text-sm text-danger">{t('moreChatsFailed')}</p>}
        </li>
      )}
    </ul>
  );
}

/** Times are relative to the server render, so server and browser write the same words. */
function ChatRow({ chat, status, now }: { chat: ChatSummary; status?: PersonStatus; now: string }) {
  const t = useTranslations('chat');
  const format = useFormatter();
  const title = chat.title || t('untitledGroup', { count: chat.memberCount });
  return (
    <li>
      <Link href={`/chats/${chat.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-brand" data-chat={chat.id}>
        <span className="relative shrink-0">
          <Avatar name={title} handle={chat.other?.handle ?? chat.id} avatarId={chat.avatarId} size={48} alt="" />
          {status && (
            <span className="absolute -bottom-0.5 -right-0.5">
              <OnlineDot initial={status} />
            </span>
          )}
        </span>
        <span className="flex min-w-0 flex-1 flex-col">
          <span className="flex items-baseline gap-2">
            <span className="min-w-0 flex-1 truncate font-semibold">
              {chat.pinned && <span className="sr-only">{t('pinned')}: </span>}
              {title}
            </span>
            {chat.lastMessage && <time className="shrink-0 text-xs text-fg-muted" dateTime={chat.lastMessage.at}>{format.relativeTime(new Date(chat.lastMessage.at), new Date(now))}</time>}
          </span>
          <span className="flex items-center gap-2">
            <span className="min-w-0 flex-1 truncate text-sm text-fg-muted">{chat.lastMessage ? <ChatPreview message={chat.lastMessage} group={chat.kind === 'GROUP'} /> : t('noMessagesYet')}</span>
            {chat.muted && <span className="text-xs text-fg-muted" aria-label={t('muted')} title={t('muted')}>🔕</span>}
            {chat.pinned && <span aria-hidden className="text-xs text-fg-muted">📌</span>}
            {chat.unread > 0 && (
              <span className={`min-w-5 rounded-full px-1.5 text-center text-xs font-semibold leading-5 text-white ${chat.muted ? 'bg-fg-muted' : 'bg-danger'}`} aria-label={t('unreadCount', { count: chat.unread })} data-unread={chat.unread}>
                {chat.unread > 99 ? '99+' : chat.unread}
              </span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}
