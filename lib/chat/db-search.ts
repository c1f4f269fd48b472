import 'server-only';
import { db, Prisma } from '@/lib/core/db';

/**
 * Message search. Words are found by Postgres full-text search (English stemming, so "running"
 * finds "runs"); Chinese has no spaces between words, so a word inside a sentence is found as a
 * substring with ILIKE, which the body's gin_trgm_ops index serves. Like the feed, this reads
 * the account domain's "User" table for names in the same statement, so a page of hits costs
 * one query whatever its size.
 */

/** Markers ts_headline puts around the words full-text search matched; control characters never typed in chat. */
export const headlineStart = '\u0001';
export const headlineStop = '\u0002';

export type SearchRow = {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string | null;
  senderHandle: string | null;
  senderName: string | null;
  senderAvatarId: string | null;
  body: string;
  createdAt: Date;
  /** The body with full-text matches between the markers; null when only the substring matched. */
  headline: string | null;
} & ConversationNaming;

/** What a conversation is called for one member: its title, else who is in it. */
export type ConversationNaming = {
  conversationKind: 'DIRECT' | 'GROUP';
  conversationTitle: string;
  /** One-to-one: the other person. */
  otherId: string | null;
  otherName: string | null;
  /** Groups: up to three other members' names, earliest joined first. */
  memberNames: string | null;
};

/** `%`, `_` and `\` mean themselves in what a person types, not LIKE wildcards. */
export function likePattern(query: string) {
  return `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Naming columns for a conversation aliased `c`, as seen by `memberId`. */
function naming(memberId: string) {
  return Prisma.sql`
    c.kind::text AS "conversationKind", c.title AS "conversationTitle",
    other.id AS "otherId", other.name AS "otherName",
    CASE WHEN c.kind = 'GROUP' AND c.title = '' THEN (
      SELECT string_agg(first.name, ', ' ORDER BY first."joinedAt", first.id) FROM (
        SELECT u.name, u.id, m."joinedAt" FROM "ConversationMember" m JOIN "User" u ON u.id = m."memberId"
        WHERE m."conversationId" = c.id AND m."memberId" <> ${memberId}
        ORDER BY m."joinedAt", u.id LIMIT 3
      ) first
    ) END AS "memberNames"`;
}

function otherJoin(memberId: string) {
  return Prisma.sql`
    LEFT JOIN LATERAL (
      SELECT u.id, u.name FROM "ConversationMember" m JOIN "User" u ON u.id = m."memberId"
      WHERE c.kind = 'DIRECT' AND m."conversationId" = c.id AND m."memberId" <> ${memberId}
      LIMIT 1
    ) other ON true`;
}

/**
 * Messages `memberId` may read that match `query`: in conversations they belong to, after they
 * joined, not recalled, not deleted for them, with words. Best full-text matches first, then newest.
 */
export function searchMessageRows(memberId: string, query: string, { conversationId, limit }: { conversationId?: string; limit: number }): Promise<SearchRow[]> {
  const words = Prisma.sql`websearch_to_tsquery('english', ${query})`;
  const inConversation = conversationId ? Prisma.sql`AND me."conversationId" = ${conversationId}` : Prisma.empty;
  return db().$queryRaw<SearchRow[]>`
    WITH hit AS (
      SELECT msg.id, msg."conversationId", msg.seq, msg."senderId", msg.body, msg."createdAt",
        msg."searchVector" @@ ${words} AS "wordMatch",
        CASE WHEN msg."searchVector" @@ ${words} THEN ts_rank(msg."searchVector", ${words}) ELSE 0 END AS rank
      FROM "ConversationMember" me
      JOIN "Message" msg ON msg."conversationId" = me."conversationId" AND msg.seq > me."joinedSeq"
      WHERE me."memberId" = ${memberId} ${inConversation}
        AND msg."recalledAt" IS NULL AND msg.body <> ''
        AND (msg."searchVector" @@ ${words} OR msg.body ILIKE ${likePattern(query)})
        AND NOT EXISTS (SELECT 1 FROM "MessageHidden" h WHERE h."memberId" = ${memberId} AND h."messageId" = msg.id)
      ORDER BY rank DESC, msg."createdAt" DESC, msg.id DESC
      LIMIT ${limit}
    )
    SELECT hit.id, hit."conversationId", hit.seq, hit."senderId", hit.body, hit."createdAt",
      sender.handle AS "senderHandle", sender.name AS "senderName", sender."avatarId" AS "senderAvatarId",
      CASE WHEN hit."wordMatch" THEN ts_headline('english', hit.body, ${words},
        ${`StartSel=${headlineStart}, StopSel=${headlineStop}, HighlightAll=true`}) END AS headline,
      ${naming(memberId)}
    FROM hit
    JOIN "Conversation" c ON c.id = hit."conversationId"
    LEFT JOIN "User" sender ON sender.id = hit."senderId"
    ${otherJoin(memberId)}
    ORDER BY hit.rank DESC, hit."createdAt" DESC, hit.id DESC`;
}

/** How `memberId` names a conversation they belong to; null when they are not a member (or it does not exist). */
export async function findMemberConversationNaming(memberId: string, conversationId: string): Promise<ConversationNaming | null> {
  const rows = await db().$queryRaw<ConversationNaming[]>`
    SELECT ${naming(memberId)}
    FROM "ConversationMember" me
    JOIN "Conversation" c ON c.id = me."conversationId"
    ${otherJoin(memberId)}
    WHERE me."memberId" = ${memberId} AND me."conversationId" = ${conversationId}`;
  return rows[0] ?? null;
}
