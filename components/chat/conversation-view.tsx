'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { PresenceLine } from '@/components/account/presence-status';
import { Avatar } from '@/components/ui/avatar';
import type { PersonStatus } from '@/lib/account/client';
import type { ConversationDto, HistoryPage, MessageDto } from '@/lib/chat/client';
import { ForwardDialog } from './forward-dialog';
import { Composer } from './composer';
import { MessageBubble } from './message-bubble';
import { useConversation, type PendingMessage } from './use-conversation';

/**
 * An open conversation: header, history (opening at the first unread message, older pages on
 * demand), waiting messages at the bottom in the order written, and the composer.
 */
export function ConversationView({
  conversation,
  first,
  viewerId,
  highlightSeq,
  otherStatus,
  maxBytes,
}: {
  conversation: ConversationDto;
  first: HistoryPage;
  viewerId: string;
  highlightSeq: number | null;
  otherStatus: PersonStatus | null;
  maxBytes: number;
}) {
  const t = useTranslations('chat');
  const chat = useConversation(conversation, first, viewerId);
  const [replyTo, setReplyTo] = useState<MessageDto | null>(null);
  const [forwarding, setForwarding] = useState<MessageDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const unreadMarker = useRef<HTMLLIElement>(null);
  const group = conversation.kind === 'GROUP';
  const names = useMemo(() => Object.fromEntries(conversation.members.map((member) => [member.id, member.id === viewerId ? t('you') : member.name])), [conversation.members, viewerId, t]);
  const title = conversation.title || t('untitledGroup', { count: conversation.memberCount });
  const firstUnreadSeq = useMemo(() => first.messages.find((message) => message.seq > conversation.lastReadSeq && !message.mine)?.seq ?? null, [first.messages, conversation.lastReadSeq]);

  // Opening: at the message searched for, else the first unread, else the newest.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const target = highlightSeq ? box.querySelector(`[data-seq="${highlightSeq}"]`) : unreadMarker.current;
    if (target) target.scrollIntoView({ block: 'center' });
    else box.scrollTop = box.scrollHeight;
  }, [highlightSeq]);

  // New messages at the bottom keep the view there when the person was already there.
  const lastKey = `${chat.messages.at(-1)?.id}:${chat.pending.length}`;
  // Opening at an unread message or a search hit must not be undone by sticking to the bottom.
  const wasAtBottom = useRef(!highlightSeq && !firstUnreadSeq && !first.hasNewer);
  useLayoutEffect(() => {
    const box = scroller.current;
    if (box && wasAtBottom.current) box.scrollTop = box.scrollHeight;
  }, [lastKey]);

  // Older pages load when the top comes into view (and by the button, for keyboards).
  const top = useRef<HTMLDivElement>(null);
  const loadOlder = chat.loadOlder;
  useEffect(() => {
    const marker = top.current;
    if (!marker || !chat.hasOlder) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void loadOlder();
    });
    observer.observe(marker);
    return () => observer.disconnect();
  }, [chat.hasOlder, loadOlder]);

  const typingNames = chat.typingIds.map((id) => names[id]).filter(Boolean);
  const subtitle = typingNames.length > 0 ? (group ? t('namesTyping', { names: typingNames.join(', '), count: typingNames.length }) : t('typing')) : null;
  const disabled = conversation.blocked ? t('blockedNotice') : null;

  return (
    <div className="flex h-[calc(100dvh-5rem)] flex-col md:h-dvh" data-live={chat.live || undefined}>
      <header className="flex min-h-14 items-center gap-3 border-b border-line bg-surface px-2">
        <Link href="/chats" className="flex size-11 items-center justify-center rounded-full text-xl hover:bg-surface-2" aria-label={t('backToChats')}>
          <span aria-hidden>‹</span>
        </Link>
        <Avatar name={title} handle={conversation.other?.handle ?? conversation.id} avatarId={conversation.avatarId} size={36} alt="" />
        <div className="flex min-w-0 flex-1 flex-col">
          <h1 className="truncate font-semibold">{title}</h1>
          <div aria-live="polite" className="text-xs text-fg-muted">
            {subtitle ? (
              <span data-typing>{subtitle}</span>
            ) : group ? (
              // Comings and goings are not read out each time; the count is there when wanted.
              <span data-online={chat.onlineIds.length} aria-live="off">
                {chat.onlineIds.length > 0 ? t(chat.onlineAreFriends ? 'membersFriendsOnline' : 'membersOnline', { members: conversation.memberCount, online: chat.onlineIds.length }) : t('memberCount', { count: conversation.memberCount })}
              </span>
            ) : otherStatus ? (
              <PresenceLine initial={otherStatus} />
            ) : null}
          </div>
        </div>
        <Link href={`/chats/search?in=${conversation.id}`} className="rounded-full px-2 py-2 text-sm text-brand hover:bg-surface-2">
          {t('search')}
        </Link>
        <Link href={`/chats/${conversation.id}/info`} className="flex size-11 items-center justify-center rounded-full text-xl hover:bg-surface-2" aria-label={t('chatInfo')}>
          <span aria-hidden>ⓘ</span>
        </Link>
      </header>
      <div
        ref={scroller}
        className="flex-1 overflow-y-auto px-3 py-2"
        onScroll={(event) => {
          const box = event.currentTarget;
          wasAtBottom.current = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
        }}
      >
        <div ref={top} />
        {chat.hasOlder && (
          <p className="py-2 text-center">
            <button type="button" onClick={() => void chat.loadOlder()} className="rounded-full px-3 py-1.5 text-sm text-brand hover:bg-surface-2">
              {t('loadEarlier')}
            </button>
          </p>
        )}
        {chat.messages.length === 0 && chat.pending.length === 0 && <p className="py-16 text-center text-fg-muted">{t('sayHello')}</p>}
        <ol className="flex flex-col" aria-label={t('messages')}>
          {chat.messages.map((message) => (
            <Entry key={message.id} unreadHere={message.seq === firstUnreadSeq} markerRef={unreadMarker}>
              <MessageBubble
                message={message}
                group={group}
                names={names}
                highlighted={message.seq === highlightSeq}
                onReply={setReplyTo}
                onForward={setForwarding}
                onChanged={chat.replace}
                onHidden={chat.hide}
              />
            </Entry>
          ))}
          {chat.hasNewer && (
            <li className="py-2 text-center">
              <button type="button" onClick={() => void chat.fetchNewer()} className="rounded-full px-3 py-1.5 text-sm text-brand hover:bg-surface-2">
                {t('loadNewer')}
              </button>
            </li>
          )}
          {chat.pending.map((item) => (
            <PendingBubble key={item.clientId} item={item} onDiscard={() => void chat.discard(item.clientId)} onRetry={() => void chat.retry()} />
          ))}
        </ol>
      </div>
      {notice && (
        <p role="status" className="bg-surface-2 px-4 py-1 text-center text-sm">
          {notice}
        </p>
      )}
      <Composer
        conversationId={conversation.id}
        group={group}
        memberCount={conversation.memberCount}
        disabled={disabled}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        onSend={(body, replyToId) => {
          wasAtBottom.current = true;
          void chat.send(body, replyToId);
        }}
        onSent={(message) => {
          wasAtBottom.current = true;
          chat.replace(message);
        }}
        onTyping={chat.announceTyping}
        maxBytes={maxBytes}
      />
      {forwarding && (
        <ForwardDialog
          messageId={forwarding.id}
          onClose={(forwarded) => {
            setForwarding(null);
            if (forwarded) setNotice(t('forwardedNotice'));
          }}
        />
      )}
    </div>
  );
}

function Entry({ unreadHere, markerRef, children }: { unreadHere: boolean; markerRef: React.RefObject<HTMLLIElement | null>; children: React.ReactNode }) {
  const t = useTranslations('chat');
  if (!unreadHere) return <>{children}</>;
  return (
    <>
      <li ref={markerRef} className="my-2 flex items-center gap-2 text-xs font-semibold text-brand" data-unread-marker>
        <span className="h-px flex-1 bg-brand/40" />
        {t('unreadBelow')}
        <span className="h-px flex-1 bg-brand/40" />
      </li>
      {children}
    </>
  );
}

/** A message not yet stored: "sending…", "waiting for the network", or refused with the reason. */
function PendingBubble({ item, onDiscard, onRetry }: { item: PendingMessage; onDiscard: () => void; onRetry: () => void }) {
  const t = useTranslations('chat');
  return (
    <li className="flex flex-row-reverse py-1" data-pending={item.state} data-client-id={item.clientId}>
      <div className="flex max-w-[80%] flex-col items-end gap-1">
        <div className={`rounded-2xl px-3 py-2 text-on-brand ${item.state === 'failed' ? 'bg-danger' : 'bg-brand/70'}`}>
          <p className="whitespace-pre-wrap break-words">{item.body}</p>
        </div>
        <span className="flex items-center gap-2 px-1 text-xs text-fg-muted">
          {item.state === 'failed' ? (
            <>
              <span role="alert" className="text-danger">
                {item.error}
              </span>
              <button type="button" className="underline" onClick={onDiscard}>
                {t('discard')}
              </button>
            </>
          ) : (
            <>
              <span>{item.state === 'sending' ? t('sending') : t('waitingForNetwork')}</span>
              {item.state === 'waiting' && (
                <button type="button" className="underline" onClick={onRetry}>
                  {t('retryNow')}
                </button>
              )}
            </>
          )}
        </span>
      </div>
    </li>
  );
}
