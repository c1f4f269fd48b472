import { z } from 'zod';
import type { PersonStatus } from '@/lib/account/client';
import { decimalAmountSchema } from '@/lib/pay/client';

/** Limits people meet in chat. */
export const maxMessageLength = 4000;
export const maxGroupMembers = 500;
export const maxGroupTitle = 60;
export const maxPhotosPerMessage = 9;
/** The author may edit within 15 minutes and recall within 2 (issue 7). */
export const editWindowMs = 15 * 60 * 1000;
export const recallWindowMs = 2 * 60 * 1000;
/** Up to this many members a group uses a presence channel; above it the server says who types. */
export const presenceMemberLimit = 100;
export const reactionEmojis = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const;

const idSchema = z.string().regex(/^[a-z0-9]{20,40}$/, 'chat.notFound');
const personIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, 'chat.personNotFound');
const assetIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, 'media.notFound');
/** Chosen by the sender's browser before the first try, so retries store the message once. */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'chat.clientId');

export const conversationRefSchema = z.object({ conversationId: idSchema });
export const messageRefSchema = z.object({ messageId: idSchema });
export const messagesRefSchema = z.object({ conversationId: idSchema, messageIds: z.array(idSchema).min(1).max(100) });
export const emptySchema = z.object({}).strict();

export const startDirectSchema = z.object({ personId: personIdSchema });
export const createGroupSchema = z.object({
  title: z.string().trim().max(maxGroupTitle, 'chat.titleTooLong').default(''),
  memberIds: z.array(personIdSchema).min(2, 'chat.groupTooSmall').max(maxGroupMembers - 1, 'chat.groupTooLarge'),
});
export type CreateGroupInput = z.output<typeof createGroupSchema>;

export const renameGroupSchema = z.object({ conversationId: idSchema, title: z.string().trim().min(1, 'chat.titleEmpty').max(maxGroupTitle, 'chat.titleTooLong') });
export const groupAvatarSchema = z.object({ conversationId: idSchema, avatarId: assetIdSchema.nullable() });
export const membersSchema = z.object({ conversationId: idSchema, memberIds: z.array(personIdSchema).min(1).max(maxGroupMembers - 1, 'chat.groupTooLarge') });
export const memberRefSchema = z.object({ conversationId: idSchema, memberId: personIdSchema });
export const preferenceSchema = z.object({ conversationId: idSchema, setting: z.enum(['muted', 'pinned', 'archived']), on: z.boolean() });

const bodySchema = z.string().max(maxMessageLength, 'chat.tooLong');

/** A message as the composer sends it: words, photos, or a card for shared content. */
export const sendMessageSchema = z
  .object({
    conversationId: idSchema,
    clientId: clientIdSchema,
    body: bodySchema.default(''),
    mediaIds: z.array(assetIdSchema).max(maxPhotosPerMessage, 'chat.tooManyPhotos').default([]),
    card: z.object({ type: z.literal('post'), id: idSchema }).optional(),
    replyToId: idSchema.optional(),
  })
  .transform((message) => ({ ...message, body: message.body.trim() }))
  .refine((message) => message.body.length > 0 || message.mediaIds.length > 0 || message.card, { message: 'chat.empty', path: ['body'] });
export type SendMessageInput = z.output<typeof sendMessageSchema>;

export const editMessageSchema = z.object({
  messageId: idSchema,
  body: bodySchema.transform((body) => body.trim()).refine((body) => body.length > 0, 'chat.empty'),
});
export const reactSchema = z.object({ messageId: idSchema, emoji: z.enum(reactionEmojis, 'chat.reaction'), on: z.boolean() });
export const forwardSchema = z.object({ messageId: idSchema, conversationIds: z.array(idSchema).min(1, 'chat.forwardNowhere').max(9), clientId: clientIdSchema });

/** History pages backward from `before`, forward from `after`, or opens at the first unread. */
export const historySchema = z.object({
  conversationId: idSchema,
  before: z.number().int().min(1).max(2 ** 31 - 1).optional(),
  after: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  around: z.number().int().min(1).max(2 ** 31 - 1).optional(),
});
export type HistoryInput = z.output<typeof historySchema>;

export const readSchema = z.object({ conversationId: idSchema, seq: z.number().int().min(1).max(2 ** 31 - 1), delivered: z.boolean().default(false) });

export const chatTransferSchema = z.object({
  conversationId: idSchema,
  clientId: clientIdSchema,
  amount: decimalAmountSchema,
  currency: z.enum(['USD', 'EUR']),
  note: z.string().trim().max(140, 'chat.noteTooLong').default(''),
  password: z.string().max(200).optional(),
});
export const chatRedPacketSchema = z.object({
  conversationId: idSchema,
  clientId: clientIdSchema,
  amount: decimalAmountSchema,
  currency: z.enum(['USD', 'EUR']),
  shares: z.coerce.number().int().min(1, 'chat.sharesRange').max(maxGroupMembers, 'chat.sharesRange'),
  mode: z.enum(['equal', 'random']),
  note: z.string().trim().max(140, 'chat.noteTooLong').default(''),
  password: z.string().max(200).optional(),
});
export const paymentRefSchema = z.object({ messageId: idSchema });

/** The chats list grows by this many at a time ("Show more chats"), up to the most one page may hold. */
export const chatsPageSize = 50;
export const chatsPageMax = 1000;
export const listChatsSchema = z.object({ archived: z.boolean(), limit: z.number().int().min(1).max(chatsPageMax).optional() }).strict();

export const searchSchema = z.object({ query: z.string().trim().min(1, 'chat.searchEmpty').max(100), conversationId: idSchema.optional() });

// ---- What the browser receives ----------------------------------------------------------

export type ChatRoleName = 'ADMIN' | 'MEMBER';
export type MessageKindName = 'TEXT' | 'IMAGE' | 'CARD' | 'TRANSFER' | 'RED_PACKET' | 'SYSTEM';

export type ChatPerson = { id: string; handle: string; name: string; avatarId: string | null };

/** A row of the chats list. */
export type ChatSummary = {
  id: string;
  kind: 'DIRECT' | 'GROUP';
  title: string;
  avatarId: string | null;
  /** One-to-one: the other person (their online dot comes from the account domain). */
  other: ChatPerson | null;
  memberCount: number;
  /** `text` is the words (or a photo's caption); the browser names photos, money and notes itself. */
  lastMessage: { kind: MessageKindName; text: string; recalled: boolean; system: SystemEvent | null; names: Record<string, string>; senderName: string | null; at: string; mine: boolean } | null;
  lastActivityAt: string;
  unread: number;
  muted: boolean;
  pinned: boolean;
  archived: boolean;
};

export type ChatsPage = {
  chats: ChatSummary[];
  /** More chats past the ones returned. */
  hasMore: boolean;
  /** Online status of the friends in the page's one-to-one chats (for the green dot). */
  statuses: Record<string, PersonStatus>;
};

/** What a system message says, turned into words by the browser in its own language. */
export type SystemEvent =
  | { event: 'created'; actorId: string }
  | { event: 'joined'; actorId: string; memberIds: string[] }
  | { event: 'removed'; actorId: string; memberIds: string[] }
  | { event: 'left'; actorId: string }
  | { event: 'renamed'; actorId: string; title: string }
  | { event: 'avatar'; actorId: string };

export type PhotoDto = { id: string; width: number; height: number };

export type PaymentCard =
  | { type: 'transfer'; id: string; amount: number; currency: string; note: string; status: 'PENDING' | 'ACCEPTED' | 'RETURNED'; receiverId: string; mayAccept: boolean }
  | { type: 'redPacket'; id: string; currency: string; note: string; shareCount: number; claimed: number; status: 'OPEN' | 'FINISHED' | 'EXPIRED'; myShare: number | null; mayClaim: boolean };

export type MessageDto = {
  id: string;
  seq: number;
  clientId: string | null;
  kind: MessageKindName;
  sender: ChatPerson | null;
  mine: boolean;
  body: string;
  photos: PhotoDto[];
  /** CARD: what is shared, as this reader may see it (`preview` null when they may not). */
  card: { type: 'post'; id: string; preview: { authorName: string; text: string; photoId: string | null } | null } | null;
  payment: PaymentCard | null;
  system: SystemEvent | null;
  /** The names a system note mentions (members who left are named too). */
  names: Record<string, string>;
  replyTo: { id: string; seq: number; senderName: string | null; preview: string } | null;
  forwarded: boolean;
  reactions: { emoji: string; count: number; mine: boolean }[];
  edited: boolean;
  recalled: boolean;
  createdAt: string;
  /** Own messages only: one-to-one "sent" / "delivered" / "read"; groups "seen by N". */
  receipt: { state: 'sent' | 'delivered' | 'read'; seenBy: number } | null;
  mayEdit: boolean;
  mayRecall: boolean;
};

export type ConversationDto = {
  id: string;
  kind: 'DIRECT' | 'GROUP';
  title: string;
  avatarId: string | null;
  other: ChatPerson | null;
  members: (ChatPerson & { role: ChatRoleName })[];
  memberCount: number;
  myRole: ChatRoleName;
  muted: boolean;
  pinned: boolean;
  archived: boolean;
  lastReadSeq: number;
  lastSeq: number;
  /** Whether the browser joins `presence-chat-<id>` (typing and online), or listens to the server. */
  usesPresence: boolean;
  /**
   * Groups above the presence limit: the viewer's friends among the members who are online now,
   * kept current by the friends' status events on the viewer's own channel. Online status is
   * friends-only in Plaza; smaller chats show who has the chat open, from the presence channel,
   * so this is empty there.
   */
  onlineIds: string[];
  /** One-to-one only: sending is refused (a block between the two). */
  blocked: boolean;
};

export type HistoryPage = {
  messages: MessageDto[];
  /** More older messages exist (before the first returned). */
  hasOlder: boolean;
  /** More newer messages exist (after the last returned). */
  hasNewer: boolean;
};

export type SearchHit = { conversationId: string; conversationTitle: string; messageId: string; seq: number; sender: ChatPerson | null; snippet: string; createdAt: string };
