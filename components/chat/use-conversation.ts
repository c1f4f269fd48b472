'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadMessagesAction, markReadAction, refreshMessagesAction, sendMessageAction } from '@/lib/chat/actions';
import {
  changedEventSchema,
  chatChannelScope,
  chatEvents,
  conversationEventSchema,
  messageEventSchema,
  readEventSchema,
  type ConversationDto,
  type HistoryPage,
  type MessageDto,
} from '@/lib/chat/client';
import { channelName, useChannel } from '@/lib/realtime/client';
import { useWhoIsHere } from './use-who-is-here';
import { listOutbox, newClientId, putOutbox, removeOutbox, writtenNow, type OutboxItem } from './outbox';

export type PendingMessage = OutboxItem & { state: 'sending' | 'waiting' | 'failed' };

// Short enough that a person back online sees the messages go within seconds.
const retryDelaysMs = [1000, 2000, 3000, 5000];

function mergeMessages(current: MessageDto[], incoming: MessageDto[]): MessageDto[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * Everything a open conversation does: its messages (history backward, new ones forward), the
 * outbox that sends what was written in order and survives a dead network, receipts, typing and
 * who is here. Realtime events only say that something changed; the page fetches it.
 */
export function useConversation(conversation: ConversationDto, first: HistoryPage, viewerId: string) {
  const router = useRouter();
  const [messages, setMessages] = useState<MessageDto[]>(first.messages);
  const [hasOlder, setHasOlder] = useState(first.hasOlder);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const here = useWhoIsHere(conversation, viewerId);
  const { stopTyping } = here;
  const latest = useRef({ messages, pending });
  useEffect(() => {
    latest.current = { messages, pending };
  });
  const accept = useCallback((incoming: MessageDto[]) => {
    setMessages((current) => mergeMessages(current, incoming));
    stopTyping(new Set(incoming.flatMap((message) => (message.sender ? [message.sender.id] : []))));
    const delivered = new Set(incoming.flatMap((message) => (message.clientId ? [message.clientId] : [])));
    if (delivered.size > 0) setPending((current) => current.filter((item) => !delivered.has(item.clientId)));
  }, [stopTyping]);

  // ---- Reading forward (new messages, catching up after a reconnect) ------------------------
  // The newest number read from the server with no gap before it. Own sends do not move it, so
  // messages others sent just before ours are still fetched.
  const synced = useRef(Math.max(first.messages.at(-1)?.seq ?? 0, first.hasNewer ? 0 : conversation.lastSeq));
  const [hasNewer, setHasNewer] = useState(first.hasNewer);
  const newerWaiting = useRef(first.hasNewer);
  const fetching = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });
  const fetchNewer = useCallback(async () => {
    if (fetching.current.running) {
      fetching.current.again = true;
      return;
    }
    fetching.current = { running: true, again: false };
    try {
      // A few pages at most: someone reading old history gets a button for the rest.
      for (let pages = 0; pages < 4; pages++) {
        const result = await loadMessagesAction({ conversationId: conversation.id, after: synced.current });
        if (!result.ok) {
          // Removed from the group, or the chat is gone: the page says so.
          if (result.code === 'NOT_FOUND') router.refresh();
          break;
        }
        accept(result.data.messages);
        latest.current.messages = mergeMessages(latest.current.messages, result.data.messages);
        synced.current = Math.max(synced.current, result.data.messages.at(-1)?.seq ?? 0);
        newerWaiting.current = result.data.hasNewer;
        setHasNewer(result.data.hasNewer);
        if (!result.data.hasNewer && !fetching.current.again) break;
        fetching.current.again = false;
      }
    } catch {
      // Offline: the reconnect brings us back here.
    } finally {
      fetching.current.running = false;
    }
  }, [accept, conversation.id, router]);

  const loadOlder = useCallback(async () => {
    const oldest = latest.current.messages[0]?.seq;
    if (!oldest) return;
    const result = await loadMessagesAction({ conversationId: conversation.id, before: oldest });
    if (!result.ok) return;
    accept(result.data.messages);
    setHasOlder(result.data.hasOlder);
  }, [accept, conversation.id]);

  const refresh = useCallback(
    async (ids: string[]) => {
      if (ids.length === 0) return;
      const result = await refreshMessagesAction({ conversationId: conversation.id, messageIds: ids.slice(-100) });
      if (!result.ok) return;
      const found = new Set(result.data.map((message) => message.id));
      // A message that no longer comes back was deleted for me elsewhere.
      setMessages((current) => mergeMessages(current.filter((message) => !ids.includes(message.id) || found.has(message.id)), result.data));
    },
    [conversation.id],
  );

  // ---- Read and delivered marks -------------------------------------------------------------
  const marked = useRef({ read: conversation.lastReadSeq, delivered: conversation.lastReadSeq });
  const markSeen = useCallback(async () => {
    const newest = latest.current.messages.at(-1)?.seq ?? 0;
    const visible = document.visibilityState === 'visible';
    const kind = visible ? 'read' : 'delivered';
    if (newest <= marked.current[kind]) return;
    marked.current[kind] = newest;
    if (visible) marked.current.delivered = Math.max(marked.current.delivered, newest);
    try {
      await markReadAction({ conversationId: conversation.id, seq: newest, delivered: !visible });
    } catch {
      marked.current[kind] = 0;
    }
  }, [conversation.id]);
  useEffect(() => {
    void markSeen();
  }, [messages, markSeen]);
  useEffect(() => {
    const onVisible = () => void markSeen();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [markSeen]);

  // ---- The outbox: in order, once each, whenever the network lets us --------------------------
  const unmounted = useRef(false);
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);
  // The retry timer calls the current `flush` through this (a callback cannot name itself).
  const retryLater = useRef<() => Promise<void>>(async () => undefined);
  const flushing = useRef({ running: false, again: false, attempt: 0, timer: 0 as ReturnType<typeof setTimeout> | 0 });
  const flush = useCallback(async () => {
    const state = flushing.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    if (state.timer) clearTimeout(state.timer);
    state.timer = 0;
    let stalled = false;
    try {
      do {
        state.again = false;
        const queue = latest.current.pending.filter((item) => item.state !== 'failed');
        for (const item of queue) {
          setPending((current) => current.map((entry) => (entry.clientId === item.clientId ? { ...entry, state: 'sending' } : entry)));
          let result: Awaited<ReturnType<typeof sendMessageAction>>;
          try {
            result = await sendMessageAction({ conversationId: item.conversationId, clientId: item.clientId, body: item.body, replyToId: item.replyToId });
          } catch {
            stalled = true;
            setPending((current) => current.map((entry) => (entry.state === 'sending' ? { ...entry, state: 'waiting' } : entry)));
            break;
          }
          if (result.ok) {
            await removeOutbox(item.clientId).catch(() => undefined);
            latest.current.pending = latest.current.pending.filter((entry) => entry.clientId !== item.clientId);
            accept([result.data]);
          } else if (result.code === 'RATE_LIMITED') {
            stalled = true;
            setPending((current) => current.map((entry) => (entry.clientId === item.clientId ? { ...entry, state: 'waiting' } : entry)));
            break;
          } else {
            const error = Object.values(result.fieldErrors)[0] ?? result.message;
            await putOutbox({ ...item, error }).catch(() => undefined);
            latest.current.pending = latest.current.pending.map((entry) => (entry.clientId === item.clientId ? { ...entry, state: 'failed', error } : entry));
            setPending((current) => current.map((entry) => (entry.clientId === item.clientId ? { ...entry, state: 'failed', error } : entry)));
          }
        }
      } while (state.again && !stalled);
    } finally {
      state.running = false;
    }
    if (stalled && !unmounted.current) {
      const delay = retryDelaysMs[Math.min(state.attempt, retryDelaysMs.length - 1)]!;
      state.attempt += 1;
      state.timer = setTimeout(() => void retryLater.current(), delay);
    } else {
      state.attempt = 0;
    }
  }, [accept]);
  useEffect(() => {
    retryLater.current = flush;
  }, [flush]);

  useEffect(() => {
    let active = true;
    void listOutbox(conversation.id).then((items) => {
      if (!active || items.length === 0) return;
      // Merged with anything written since the page opened, in the order written.
      const known = new Set(latest.current.pending.map((item) => item.clientId));
      const restored = items.filter((item) => !known.has(item.clientId)).map((item): PendingMessage => ({ ...item, state: item.error ? 'failed' : 'waiting' }));
      const merged = [...restored, ...latest.current.pending].sort((a, b) => a.writtenAt - b.writtenAt);
      latest.current.pending = merged;
      setPending(merged);
      void flush();
    });
    const online = () => {
      flushing.current.attempt = 0;
      void flush();
    };
    window.addEventListener('online', online);
    const timers = flushing.current;
    return () => {
      active = false;
      window.removeEventListener('online', online);
      if (timers.timer) clearTimeout(timers.timer);
    };
  }, [conversation.id, flush]);

  const send = useCallback(
    async (body: string, replyToId?: string) => {
      const item: OutboxItem = { clientId: newClientId(), conversationId: conversation.id, body, replyToId, writtenAt: writtenNow() };
      const entry: PendingMessage = { ...item, state: 'waiting' };
      latest.current.pending = [...latest.current.pending, entry];
      setPending((current) => [...current, entry]);
      try {
        await putOutbox(item);
      } catch {
        // Private browsing without IndexedDB: the message still goes, it just would not survive a reload.
      }
      void flush();
    },
    [conversation.id, flush],
  );

  const discard = useCallback(async (clientId: string) => {
    await removeOutbox(clientId).catch(() => undefined);
    latest.current.pending = latest.current.pending.filter((entry) => entry.clientId !== clientId);
    setPending((current) => current.filter((entry) => entry.clientId !== clientId));
  }, []);

  // ---- Realtime -------------------------------------------------------------------------------
  const channel = channelName('private', chatChannelScope, conversation.id);
  const catchUp = useCallback(() => {
    void fetchNewer();
    flushing.current.attempt = 0;
    void flush();
  }, [fetchNewer, flush]);
  const live = useChannel(channel, chatEvents.message, messageEventSchema, (event) => {
    if (!newerWaiting.current && event.seq > synced.current) void fetchNewer();
  }, { onReconnect: catchUp });
  useChannel(channel, chatEvents.changed, changedEventSchema, (event) => {
    if (latest.current.messages.some((message) => message.id === event.messageId)) void refresh([event.messageId]);
  });
  useChannel(channel, chatEvents.read, readEventSchema, (event) => {
    if (event.memberId === viewerId) return;
    // Receipts are counted on the server: refetch own messages the mark may have reached.
    const reached = latest.current.messages.filter((message) => message.mine && message.seq <= event.seq && (conversation.kind === 'GROUP' || message.receipt?.state !== 'read'));
    void refresh(reached.map((message) => message.id).slice(-50));
  });
  useChannel(channel, chatEvents.conversation, conversationEventSchema, () => router.refresh());

  const replace = useCallback((message: MessageDto) => accept([message]), [accept]);
  const hide = useCallback((messageId: string) => setMessages((current) => current.filter((message) => message.id !== messageId)), []);

  // Anything sent between the server render and joining the channel is fetched once joined.
  useEffect(() => {
    if (live) void fetchNewer();
  }, [live, fetchNewer]);

  return { messages, hasOlder, hasNewer, pending, live, loadOlder, send, discard, retry: flush, typingIds: here.typingIds, onlineIds: here.onlineIds, onlineAreFriends: here.onlineAreFriends, announceTyping: here.announceTyping, replace, hide, fetchNewer };
}
