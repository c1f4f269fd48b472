import { z } from 'zod';

/**
 * Realtime events of chat. They carry ids and at most a short preview, never a whole message:
 * the protocol caps event data at 10 KB (a 4,000-character message in Chinese is 12 KB), and
 * each browser fetches what it may read through the service.
 */
export const chatEvents = {
  /** On `private-chat-<id>`: a message was stored (ids only); fetch everything after your last seq. */
  message: 'chat.message',
  /** On `private-chat-<id>`: a message was edited, recalled, reacted to, or its payment moved. */
  changed: 'chat.message.changed',
  /** On `private-chat-<id>`: a member read (or received) up to `seq`. */
  read: 'chat.read',
  /** On `private-chat-<id>`: members, name or picture changed. */
  conversation: 'chat.conversation',
  /** On `private-chat-<id>` for groups above the presence limit: the server says who types. */
  typing: 'chat.typing',
  /** On each member's own user channel: the chats list and unread badge move (with a preview). */
  activity: 'chat.activity',
  /** Client event on `presence-chat-<id>` (the realtime server stamps the sender's user id). */
  clientTyping: 'client-typing',
} as const;

export const previewLength = 80;

export const messageEventSchema = z.object({ conversationId: z.string(), messageId: z.string(), seq: z.number(), senderId: z.string().nullable() });
export const changedEventSchema = z.object({ conversationId: z.string(), messageId: z.string(), what: z.enum(['edited', 'recalled', 'reactions', 'payment']) });
export const readEventSchema = z.object({ conversationId: z.string(), memberId: z.string(), seq: z.number(), delivered: z.boolean() });
export const conversationEventSchema = z.object({ conversationId: z.string() });
export const typingEventSchema = z.object({ conversationId: z.string(), memberId: z.string() });
/**
 * The short preview rides only on the members' own user channels, addressed at send time: a
 * person removed from a group may still hold the conversation channel open for a moment, and
 * must not read anything more on it.
 */
export const activityEventSchema = z.object({ conversationId: z.string(), seq: z.number().nullable(), senderId: z.string().nullable(), preview: z.string().max(previewLength + 1).nullable() });

/** The scope of `private-chat-<id>` and `presence-chat-<id>`; chat's policy decides who joins. */
export const chatChannelScope = 'chat';
