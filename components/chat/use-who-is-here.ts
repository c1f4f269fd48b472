'use client';
import { useCallback, useMemo, useRef, useState } from 'react';
import { typingAction } from '@/lib/chat/actions';
import { chatChannelScope, chatEvents, onlineEventSchema, typingEventSchema, type ConversationDto } from '@/lib/chat/client';
import { channelName, useChannel, usePresence } from '@/lib/realtime/client';

const typingShownMs = 5000;
const typingSentEveryMs = 2500;

/**
 * Who is typing and who is online in an open conversation. Chats of up to 100 members join the
 * presence channel: online means having the chat open, and typing travels as client events the
 * realtime server stamps with the sender. Larger groups cannot (presence stops at 100), so the
 * server says both on the conversation channel: typing through an action, online status from
 * the realtime server's webhooks. Either way no browser can speak for someone else.
 */
export function useWhoIsHere(conversation: ConversationDto, viewerId: string) {
  const channel = channelName('private', chatChannelScope, conversation.id);
  const [typing, setTyping] = useState<Record<string, number>>({});

  const showTyping = useCallback(
    (memberId: string) => {
      if (memberId === viewerId) return;
      setTyping((current) => ({ ...current, [memberId]: Date.now() + typingShownMs }));
      setTimeout(() => setTyping((current) => Object.fromEntries(Object.entries(current).filter(([, until]) => until > Date.now()))), typingShownMs + 50);
    },
    [viewerId],
  );
  /** A message from someone ends their typing. */
  const stopTyping = useCallback((senderIds: Set<string>) => {
    setTyping((current) => (Object.keys(current).some((id) => senderIds.has(id)) ? Object.fromEntries(Object.entries(current).filter(([id]) => !senderIds.has(id))) : current));
  }, []);

  const large = !conversation.usesPresence;
  useChannel(large ? channel : null, chatEvents.typing, typingEventSchema, (event) => showTyping(event.memberId));
  const presence = usePresence(large ? null : channelName('presence', chatChannelScope, conversation.id), chatEvents.clientTyping, (_data, from) => showTyping(from));

  // Large groups: the server's list at render time, then its changes. A fresh render (after a
  // reconnect or a membership change) brings a newer list.
  const [serverOnline, setServerOnline] = useState(() => new Set(conversation.onlineIds));
  const [basis, setBasis] = useState(conversation.onlineIds);
  if (basis !== conversation.onlineIds) {
    setBasis(conversation.onlineIds);
    setServerOnline(new Set(conversation.onlineIds));
  }
  useChannel(large ? channel : null, chatEvents.online, onlineEventSchema, (event) => {
    if (event.memberId === viewerId) return;
    setServerOnline((current) => {
      const next = new Set(current);
      if (event.online) next.add(event.memberId);
      else next.delete(event.memberId);
      return next;
    });
  });

  const lastTypingSent = useRef(0);
  const announceTyping = useCallback(() => {
    const at = Date.now();
    if (at - lastTypingSent.current < typingSentEveryMs) return;
    lastTypingSent.current = at;
    if (large) void typingAction({ conversationId: conversation.id }).catch(() => undefined);
    else presence.trigger({ conversationId: conversation.id });
  }, [conversation.id, large, presence]);

  const typingIds = useMemo(() => Object.keys(typing), [typing]);
  /** Other members online now (the viewer is left out). */
  const onlineIds = useMemo(() => (large ? [...serverOnline] : presence.memberIds.filter((id) => id !== viewerId)), [large, serverOnline, presence.memberIds, viewerId]);
  return { typingIds, onlineIds, announceTyping, stopTyping };
}
