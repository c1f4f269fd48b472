'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useRef, useState } from 'react';
import { accountEvents, personStatusSchema } from '@/lib/account/client';
import { typingAction } from '@/lib/chat/actions';
import { chatChannelScope, chatEvents, typingEventSchema, type ConversationDto } from '@/lib/chat/client';
import { channelName, useChannel, useOwnChannel, usePresence } from '@/lib/realtime/client';

const typingShownMs = 5000;
const typingSentEveryMs = 2500;

/**
 * Who is typing and who is online in an open conversation. Chats of up to 100 members join the
 * presence channel: online means having the chat open, and typing travels as client events the
 * realtime server stamps with the sender. Larger groups cannot (presence stops at 100): the
 * server says who types on the conversation channel, and online means the viewer's friends in
 * the group who have Plaza open, as Plaza shows online status to friends only. Either way no
 * browser can speak for someone else.
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

  // Large groups: friends online at render time, then their status events on the viewer's own
  // channel. A fresh render (a membership change, or after a reconnect) brings a newer list.
  const router = useRouter();
  const [friendsOnline, setFriendsOnline] = useState(() => new Set(conversation.onlineIds));
  const [basis, setBasis] = useState(conversation.onlineIds);
  if (basis !== conversation.onlineIds) {
    setBasis(conversation.onlineIds);
    setFriendsOnline(new Set(conversation.onlineIds));
  }
  const memberIds = useMemo(() => new Set(conversation.members.map((member) => member.id)), [conversation.members]);
  useOwnChannel(
    accountEvents.status,
    personStatusSchema,
    (status) => {
      if (!large || !memberIds.has(status.personId)) return;
      setFriendsOnline((current) => {
        const next = new Set(current);
        if (status.online) next.add(status.personId);
        else next.delete(status.personId);
        return next;
      });
    },
    { onReconnect: () => large && router.refresh() },
  );

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
  const onlineIds = useMemo(() => (large ? [...friendsOnline] : presence.memberIds.filter((id) => id !== viewerId)), [large, friendsOnline, presence.memberIds, viewerId]);
  return { typingIds, onlineIds, onlineAreFriends: large, announceTyping, stopTyping };
}
