import 'server-only';
import { db, Prisma } from '@/lib/core/db';
import type { ChatRoleName, MessageKindName } from './schemas';

/**
 * The only Prisma access for conversations and messages (search lives in db-search.ts). Like
 * the feed (ADR 005), chat reads the account domain's User, Friendship and Block tables in SQL
 * where a list needs names or a rule needs the graph, so a page costs a fixed number of queries.
 */

type Tx = Prisma.TransactionClient;
const client = (tx?: Tx) => tx ?? db();

export type ConversationRow = {
  id: string;
  kind: 'DIRECT' | 'GROUP';
  directKey: string | null;
  title: string;
  avatarId: string | null;
  createdById: string;
  lastSeq: number;
  lastMessageId: string | null;
  lastActivityAt: Date;
};

export type MemberRow = {
  conversationId: string;
  memberId: string;
  role: ChatRoleName;
  joinedSeq: number;
  lastReadSeq: number;
  lastDeliveredSeq: number;
  mutedAt: Date | null;
  pinnedAt: Date | null;
  archivedAt: Date | null;
};

export type PersonRow = { id: string; handle: string; name: string; avatarId: string | null };

const conversationColumns = { id: true, kind: true, directKey: true, title: true, avatarId: true, createdById: true, lastSeq: true, lastMessageId: true, lastActivityAt: true } as const;

export function inTransaction<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(run);
}

export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    // A raw statement's failure (P2010) carries Postgres's own code under the driver adapter's error.
    const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
    return error.code === 'P2002' || (error.code === 'P2010' && cause?.originalCode === '23505');
  }
  return false;
}

// ---- Conversations and members ------------------------------------------------------------

/**
 * The conversation and the viewer's membership of it, in one statement (every chat call starts
 * here); null when not a member.
 */
export async function findMembership(conversationId: string, memberId: string, tx?: Tx): Promise<{ conversation: ConversationRow; member: MemberRow } | null> {
  const [row] = await client(tx).$queryRaw<(ConversationRow & Omit<MemberRow, 'conversationId' | 'memberId'>)[]>`
    SELECT c.id, c.kind::text AS kind, c."directKey", c.title, c."avatarId", c."createdById", c."lastSeq", c."lastMessageId", c."lastActivityAt",
      m.role::text AS role, m."joinedSeq", m."lastReadSeq", m."lastDeliveredSeq", m."mutedAt", m."pinnedAt", m."archivedAt"
    FROM "ConversationMember" m JOIN "Conversation" c ON c.id = m."conversationId"
    WHERE m."conversationId" = ${conversationId} AND m."memberId" = ${memberId}`;
  if (!row) return null;
  const { role, joinedSeq, lastReadSeq, lastDeliveredSeq, mutedAt, pinnedAt, archivedAt, ...conversation } = row;
  return { conversation, member: { conversationId, memberId, role, joinedSeq, lastReadSeq, lastDeliveredSeq, mutedAt, pinnedAt, archivedAt } };
}

export async function findDirect(directKey: string): Promise<ConversationRow | null> {
  return db().conversation.findUnique({ where: { directKey }, select: conversationColumns });
}

export async function insertConversation(
  tx: Tx,
  data: { kind: 'DIRECT' | 'GROUP'; directKey?: string; title?: string; avatarId?: string | null; createdById: string },
  members: { memberId: string; role: ChatRoleName }[],
): Promise<ConversationRow> {
  const conversation = await tx.conversation.create({ data, select: conversationColumns });
  await tx.conversationMember.createMany({ data: members.map((member) => ({ ...member, conversationId: conversation.id })) });
  return conversation;
}

export async function updateConversation(tx: Tx, id: string, data: { title?: string; avatarId?: string | null }): Promise<void> {
  await tx.conversation.update({ where: { id }, data });
}

/** Takes the conversation row's lock for the rest of the transaction (member changes take turns). */
export async function lockConversation(tx: Tx, id: string): Promise<ConversationRow | null> {
  const [row] = await tx.$queryRaw<ConversationRow[]>`
    SELECT id, kind, "directKey", title, "avatarId", "createdById", "lastSeq", "lastMessageId", "lastActivityAt"
    FROM "Conversation" WHERE id = ${id} FOR UPDATE`;
  return row ?? null;
}

export async function countMembers(conversationId: string, tx?: Tx): Promise<number> {
  return client(tx).conversationMember.count({ where: { conversationId } });
}

export async function memberIdsOf(conversationId: string, tx?: Tx): Promise<string[]> {
  const rows = await client(tx).conversationMember.findMany({ where: { conversationId }, select: { memberId: true } });
  return rows.map((row) => row.memberId);
}

/** Members with their names: admins first, then by name. Chat shows every member, blocks or not. */
export async function listMembers(conversationId: string, limit = 500): Promise<(PersonRow & { role: ChatRoleName })[]> {
  return db().$queryRaw`
    SELECT u.id, u.handle, u.name, u."avatarId", m.role::text AS role
    FROM "ConversationMember" m JOIN "User" u ON u.id = m."memberId"
    WHERE m."conversationId" = ${conversationId}
    ORDER BY (m.role = 'ADMIN') DESC, u.name, u.id
    LIMIT ${limit}`;
}

export async function findPeople(ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db().user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, handle: true, name: true, avatarId: true } });
}

/** Of `ids`, the viewer's friends who are not in a block with the viewer. */
export async function friendsAmong(viewerId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT f."friendId" AS id FROM "Friendship" f
    WHERE f."userId" = ${viewerId} AND f."friendId" = ANY(${ids})
      AND NOT EXISTS (SELECT 1 FROM "Block" b WHERE (b."blockerId" = ${viewerId} AND b."blockedId" = f."friendId") OR (b."blockerId" = f."friendId" AND b."blockedId" = ${viewerId}))`;
  return new Set(rows.map((row) => row.id));
}

/** Of `ids`, those not in a block with `personId` (either way). */
export async function notBlockedWith(personId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM unnest(${ids}::text[]) AS id
    WHERE NOT EXISTS (SELECT 1 FROM "Block" b WHERE (b."blockerId" = ${personId} AND b."blockedId" = id) OR (b."blockerId" = id AND b."blockedId" = ${personId}))`;
  return rows.map((row) => row.id);
}

/** A note's author has seen it: their own notes never count as unread. */
export async function markSeenBy(tx: Tx, conversationId: string, memberId: string, seq: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE "ConversationMember" SET "lastReadSeq" = GREATEST("lastReadSeq", ${seq}), "lastDeliveredSeq" = GREATEST("lastDeliveredSeq", ${seq})
    WHERE "conversationId" = ${conversationId} AND "memberId" = ${memberId}`;
}

export async function addMembers(tx: Tx, conversationId: string, memberIds: string[], joinedSeq: number): Promise<string[]> {
  const rows = await tx.$queryRaw<{ memberId: string }[]>`
    INSERT INTO "ConversationMember" ("conversationId", "memberId", "joinedSeq", "lastReadSeq", "lastDeliveredSeq")
    SELECT ${conversationId}, id, ${joinedSeq}, ${joinedSeq}, ${joinedSeq} FROM unnest(${memberIds}::text[]) AS id
    ON CONFLICT DO NOTHING
    RETURNING "memberId"`;
  return rows.map((row) => row.memberId);
}

export async function removeMember(tx: Tx, conversationId: string, memberId: string): Promise<boolean> {
  const { count } = await tx.conversationMember.deleteMany({ where: { conversationId, memberId } });
  return count > 0;
}

/** When the last admin leaves, the longest-standing member becomes one, so a group is never orphaned. */
export async function ensureAdmin(tx: Tx, conversationId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "ConversationMember" SET role = 'ADMIN'
    WHERE "conversationId" = ${conversationId}
      AND NOT EXISTS (SELECT 1 FROM "ConversationMember" WHERE "conversationId" = ${conversationId} AND role = 'ADMIN')
      AND "memberId" = (SELECT "memberId" FROM "ConversationMember" WHERE "conversationId" = ${conversationId} ORDER BY "joinedAt", "memberId" LIMIT 1)`;
}

export async function setPreference(conversationId: string, memberId: string, setting: 'muted' | 'pinned' | 'archived', at: Date | null): Promise<boolean> {
  const column = { muted: 'mutedAt', pinned: 'pinnedAt', archived: 'archivedAt' }[setting];
  const { count } = await db().conversationMember.updateMany({ where: { conversationId, memberId }, data: { [column]: at } });
  return count > 0;
}

/** A new message brings an archived chat back to the list, as in WeChat and WhatsApp. */
export async function unarchiveAll(tx: Tx, conversationId: string): Promise<void> {
  await tx.conversationMember.updateMany({ where: { conversationId, archivedAt: { not: null }, mutedAt: null }, data: { archivedAt: null } });
}

/**
 * Read and delivered marks only move forward, and never past the last message. Returns the
 * member's marks when they moved (then others should hear of it), else null.
 */
export async function markRead(conversationId: string, memberId: string, seq: number, deliveredOnly: boolean): Promise<{ lastReadSeq: number; lastDeliveredSeq: number } | null> {
  const [row] = await db().$queryRaw<{ lastReadSeq: number; lastDeliveredSeq: number; moved: boolean }[]>`
    WITH target AS (SELECT LEAST(${seq}::int, c."lastSeq") AS seq FROM "Conversation" c WHERE c.id = ${conversationId}),
    old AS (SELECT "lastReadSeq", "lastDeliveredSeq" FROM "ConversationMember" WHERE "conversationId" = ${conversationId} AND "memberId" = ${memberId})
    UPDATE "ConversationMember" m SET
      "lastReadSeq" = CASE WHEN ${deliveredOnly} THEN m."lastReadSeq" ELSE GREATEST(m."lastReadSeq", t.seq) END,
      "lastDeliveredSeq" = GREATEST(m."lastDeliveredSeq", t.seq)
    FROM target t, old o
    WHERE m."conversationId" = ${conversationId} AND m."memberId" = ${memberId}
    RETURNING m."lastReadSeq", m."lastDeliveredSeq", (m."lastReadSeq" <> o."lastReadSeq" OR m."lastDeliveredSeq" <> o."lastDeliveredSeq") AS moved`;
  return row?.moved ? { lastReadSeq: row.lastReadSeq, lastDeliveredSeq: row.lastDeliveredSeq } : null;
}

// ---- The chats list -----------------------------------------------------------------------

export type ChatRow = ConversationRow & {
  role: ChatRoleName;
  unread: number;
  mutedAt: Date | null;
  pinnedAt: Date | null;
  archivedAt: Date | null;
  memberCount: number;
  lastKind: MessageKindName | null;
  lastBody: string | null;
  lastPayload: unknown;
  lastRecalled: boolean;
  lastSenderId: string | null;
  lastSenderName: string | null;
  otherId: string | null;
  otherHandle: string | null;
  otherName: string | null;
  otherAvatarId: string | null;
};

const unreadOf = Prisma.sql`GREATEST(0, c."lastSeq" - GREATEST(m."lastReadSeq", m."joinedSeq"))`;

/**
 * One page of a person's chats, pinned first, then by last activity. The page is chosen from the
 * person's membership rows alone; names, the last message and member counts are read for the
 * page's rows only, so the cost does not grow with the number of chats beyond the sort.
 */
export async function listChats(memberId: string, options: { archived: boolean; limit: number }): Promise<ChatRow[]> {
  return db().$queryRaw<ChatRow[]>`
    WITH page AS (
      SELECT c.id, c.kind::text AS kind, c."directKey", c.title, c."avatarId", c."createdById", c."lastSeq", c."lastMessageId", c."lastActivityAt",
        m.role::text AS role, ${unreadOf}::int AS unread, m."mutedAt", m."pinnedAt", m."archivedAt"
      FROM "ConversationMember" m JOIN "Conversation" c ON c.id = m."conversationId"
      WHERE m."memberId" = ${memberId} AND (m."archivedAt" IS NOT NULL) = ${options.archived}
      ORDER BY m."pinnedAt" DESC NULLS LAST, c."lastActivityAt" DESC, c.id DESC
      LIMIT ${options.limit}
    )
    SELECT p.*,
      (SELECT count(*)::int FROM "ConversationMember" x WHERE x."conversationId" = p.id) AS "memberCount",
      lm.kind::text AS "lastKind", lm.body AS "lastBody", lm.payload AS "lastPayload", (lm."recalledAt" IS NOT NULL) AS "lastRecalled",
      lm."senderId" AS "lastSenderId", ls.name AS "lastSenderName",
      o.id AS "otherId", o.handle AS "otherHandle", o.name AS "otherName", o."avatarId" AS "otherAvatarId"
    FROM page p
    LEFT JOIN "Message" lm ON lm.id = p."lastMessageId"
    LEFT JOIN "User" ls ON ls.id = lm."senderId"
    LEFT JOIN LATERAL (
      SELECT u.id, u.handle, u.name, u."avatarId" FROM "ConversationMember" om JOIN "User" u ON u.id = om."memberId"
      WHERE p.kind = 'DIRECT' AND om."conversationId" = p.id AND om."memberId" <> ${memberId} LIMIT 1
    ) o ON true
    ORDER BY p."pinnedAt" DESC NULLS LAST, p."lastActivityAt" DESC, p.id DESC`;
}

/** Unread messages across chats that are neither muted nor archived (the tab bar and app icon). */
export async function totalUnread(memberId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ total: number }[]>`
    SELECT COALESCE(SUM(${unreadOf}), 0)::int AS total
    FROM "ConversationMember" m JOIN "Conversation" c ON c.id = m."conversationId"
    WHERE m."memberId" = ${memberId} AND m."mutedAt" IS NULL AND m."archivedAt" IS NULL`;
  return row?.total ?? 0;
}

// ---- Messages -----------------------------------------------------------------------------

export type NewMessage = {
  senderId: string | null;
  clientId?: string | null;
  kind: MessageKindName;
  body?: string;
  mediaIds?: string[];
  payload?: object;
  paymentId?: string | null;
  replyToId?: string | null;
  forwarded?: boolean;
};

export type StoredMessage = { id: string; conversationId: string; seq: number; senderId: string | null; kind: MessageKindName; body: string; createdAt: Date };

export async function findByClientId(senderId: string, clientId: string, tx?: Tx): Promise<StoredMessage | null> {
  return client(tx).message.findUnique({
    where: { senderId_clientId: { senderId, clientId } },
    select: { id: true, conversationId: true, seq: true, senderId: true, kind: true, body: true, createdAt: true },
  });
}

/**
 * Appends a message: the conversation row's UPDATE hands out the next number and names the
 * message as the last (and makes concurrent sends to one conversation take turns); the sender's
 * own read mark follows it.
 */
export async function appendMessage(tx: Tx, conversationId: string, message: NewMessage, at: Date): Promise<StoredMessage> {
  const id = cuidLike();
  const [taken] = await tx.$queryRaw<{ seq: number }[]>`
    UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastActivityAt" = ${at}, "lastMessageId" = ${id} WHERE id = ${conversationId} RETURNING "lastSeq" AS seq`;
  if (!taken) throw new Error(`Conversation ${conversationId} vanished while sending`);
  const body = message.body ?? '';
  const [row] = await tx.$queryRaw<StoredMessage[]>`
    INSERT INTO "Message" (id, "conversationId", seq, "senderId", "clientId", kind, body, "mediaIds", payload, "paymentId", "replyToId", forwarded, "createdAt", "searchVector")
    VALUES (${id}, ${conversationId}, ${taken.seq}, ${message.senderId}, ${message.clientId ?? null}, ${message.kind}::"MessageKind", ${body},
      ${message.mediaIds ?? []}::text[], ${JSON.stringify(message.payload ?? {})}::jsonb, ${message.paymentId ?? null}, ${message.replyToId ?? null}, ${message.forwarded ?? false}, ${at},
      CASE WHEN ${body} = '' THEN NULL ELSE to_tsvector('english', ${body}) END)
    RETURNING id, "conversationId", seq, "senderId", kind::text AS kind, body, "createdAt"`;
  if (message.senderId) {
    await tx.conversationMember.updateMany({ where: { conversationId, memberId: message.senderId }, data: { lastReadSeq: taken.seq, lastDeliveredSeq: taken.seq } });
  }
  return row!;
}

/** Ids look like Prisma's cuids (lowercase letters and digits), which the schemas expect. */
function cuidLike(): string {
  const random = crypto.getRandomValues(new Uint8Array(12));
  return `c${Date.now().toString(36)}${Array.from(random, (byte) => (byte % 36).toString(36)).join('')}`;
}

export type MessageRow = {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string | null;
  clientId: string | null;
  kind: MessageKindName;
  body: string;
  mediaIds: string[];
  payload: unknown;
  paymentId: string | null;
  forwarded: boolean;
  editedAt: Date | null;
  recalledAt: Date | null;
  createdAt: Date;
  reactions: { emoji: string; count: number; mine: boolean }[] | null;
  replyId: string | null;
  replySeq: number | null;
  replySenderId: string | null;
  replyKind: MessageKindName | null;
  replyBody: string | null;
  replyRecalled: boolean | null;
};

/** What a member may read of a message: after they joined, and not deleted for them. */
function readableBy(memberId: string, joinedSeq: number) {
  return Prisma.sql`m.seq > ${joinedSeq} AND NOT EXISTS (SELECT 1 FROM "MessageHidden" h WHERE h."memberId" = ${memberId} AND h."messageId" = m.id)`;
}

function selectMessages(memberId: string, joinedSeq: number, where: Prisma.Sql, order: Prisma.Sql, limit: number) {
  return db().$queryRaw<MessageRow[]>`
    SELECT m.id, m."conversationId", m.seq, m."senderId", m."clientId", m.kind::text AS kind, m.body, m."mediaIds", m.payload, m."paymentId", m.forwarded,
      m."editedAt", m."recalledAt", m."createdAt",
      (SELECT json_agg(json_build_object('emoji', r.emoji, 'count', r.count, 'mine', r.mine) ORDER BY r.first)
        FROM (SELECT emoji, count(*)::int AS count, bool_or("memberId" = ${memberId}) AS mine, min("createdAt") AS first
              FROM "MessageReaction" WHERE "messageId" = m.id GROUP BY emoji) r) AS reactions,
      q.id AS "replyId", q.seq AS "replySeq", q."senderId" AS "replySenderId", q.kind::text AS "replyKind", left(q.body, 120) AS "replyBody", (q."recalledAt" IS NOT NULL) AS "replyRecalled"
    FROM "Message" m
    -- A quote shows only what the reader could read themselves (not from before they joined).
    LEFT JOIN "Message" q ON q.id = m."replyToId" AND q.seq > ${joinedSeq}
      AND NOT EXISTS (SELECT 1 FROM "MessageHidden" qh WHERE qh."memberId" = ${memberId} AND qh."messageId" = q.id)
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit}`;
}

/** Older than `before`, newest first (the caller turns the page around). */
export function messagesBefore(conversationId: string, memberId: string, joinedSeq: number, before: number, limit: number) {
  return selectMessages(memberId, joinedSeq, Prisma.sql`m."conversationId" = ${conversationId} AND m.seq < ${before} AND ${readableBy(memberId, joinedSeq)}`, Prisma.sql`m.seq DESC`, limit);
}

/** Newer than `after`, oldest first. */
export function messagesAfter(conversationId: string, memberId: string, joinedSeq: number, after: number, limit: number) {
  return selectMessages(memberId, joinedSeq, Prisma.sql`m."conversationId" = ${conversationId} AND m.seq > ${after} AND ${readableBy(memberId, joinedSeq)}`, Prisma.sql`m.seq ASC`, limit);
}

/** Messages by id, only from this conversation (ids from elsewhere are not the caller's to read). */
export function messagesByIds(conversationId: string, memberId: string, joinedSeq: number, ids: string[]) {
  return selectMessages(memberId, joinedSeq, Prisma.sql`m."conversationId" = ${conversationId} AND m.id = ANY(${ids}) AND ${readableBy(memberId, joinedSeq)}`, Prisma.sql`m.seq ASC`, ids.length);
}

export type MessageHead = { id: string; conversationId: string; seq: number; senderId: string | null; kind: MessageKindName; body: string; mediaIds: string[]; payload: unknown; paymentId: string | null; recalledAt: Date | null; createdAt: Date };

export async function findMessage(id: string, tx?: Tx): Promise<MessageHead | null> {
  return client(tx).message.findUnique({ where: { id }, select: { id: true, conversationId: true, seq: true, senderId: true, kind: true, body: true, mediaIds: true, payload: true, paymentId: true, recalledAt: true, createdAt: true } });
}

/** Red packets sent in the conversation since `since` (older ones have expired). */
export async function findRedPacketIdsIn(conversationId: string, since: Date): Promise<string[]> {
  const rows = await db().message.findMany({ where: { conversationId, kind: 'RED_PACKET', createdAt: { gt: since }, paymentId: { not: null } }, select: { paymentId: true } });
  return rows.map((row) => row.paymentId!);
}

export async function findMessagesByPayment(paymentId: string): Promise<{ id: string; conversationId: string }[]> {
  return db().message.findMany({ where: { paymentId }, select: { id: true, conversationId: true } });
}

export async function isHiddenFor(memberId: string, messageId: string): Promise<boolean> {
  return (await db().messageHidden.count({ where: { memberId, messageId } })) > 0;
}

export async function editMessage(id: string, body: string, at: Date): Promise<void> {
  await db().$executeRaw`UPDATE "Message" SET body = ${body}, "editedAt" = ${at}, "searchVector" = to_tsvector('english', ${body}) WHERE id = ${id} AND "recalledAt" IS NULL`;
}

/** The words, photos and card are erased in the database: a recall is not only a matter of display. */
export async function recallMessage(id: string, at: Date): Promise<void> {
  await db().$executeRaw`UPDATE "Message" SET body = '', "mediaIds" = '{}', payload = '{}', "searchVector" = NULL, "recalledAt" = ${at} WHERE id = ${id}`;
}

export async function hideForMember(memberId: string, messageId: string): Promise<void> {
  await db().messageHidden.upsert({ where: { memberId_messageId: { memberId, messageId } }, create: { memberId, messageId }, update: {} });
}

export async function setReaction(messageId: string, memberId: string, emoji: string, on: boolean): Promise<void> {
  if (on) await db().messageReaction.upsert({ where: { messageId_memberId_emoji: { messageId, memberId, emoji } }, create: { messageId, memberId, emoji }, update: {} });
  else await db().messageReaction.deleteMany({ where: { messageId, memberId, emoji } });
}

/**
 * For the sender's own messages on a page: how many other members have received and read each
 * (one statement for the page, whatever the group's size). Members who joined after a message
 * never saw it, so they count neither way.
 */
export async function receiptCounts(conversationId: string, senderId: string, seqs: number[]): Promise<Map<number, { read: number; delivered: number; others: number }>> {
  if (seqs.length === 0) return new Map();
  const rows = await db().$queryRaw<{ seq: number; read: number; delivered: number; others: number }[]>`
    SELECT s.seq, count(*) FILTER (WHERE m."lastReadSeq" >= s.seq)::int AS read, count(*) FILTER (WHERE m."lastDeliveredSeq" >= s.seq)::int AS delivered,
      count(*)::int AS others
    FROM unnest(${seqs}::int[]) AS s(seq) JOIN "ConversationMember" m ON m."conversationId" = ${conversationId} AND m."memberId" <> ${senderId} AND m."joinedSeq" < s.seq
    GROUP BY s.seq`;
  return new Map(rows.map((row) => [row.seq, row]));
}

/** Photos chat messages use (the unused-upload sweep keeps them). */
export async function photosInUse(ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db().$queryRaw<{ id: string }[]>`SELECT DISTINCT unnest("mediaIds") AS id FROM "Message" WHERE "mediaIds" && ${ids}::text[]`;
  const wanted = new Set(ids);
  return rows.map((row) => row.id).filter((id) => wanted.has(id));
}
