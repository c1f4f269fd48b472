import 'server-only';
import { db, Prisma } from '@/lib/core/db';
import type { Audience } from './schemas';

/**
 * The only Prisma access for feed models. Timelines are single SQL statements that read the
 * account domain's Friendship, Follow and Block tables directly: asking the account domain for
 * a person's friends first would cost a query per page that grows with the friend count, and
 * would let the audience check drift from the ordering.
 */

/**
 * The audience rule as SQL, for a post aliased `p`: hidden posts only to their author; public to
 * all, friends-only to the author's friends, only-me to the author; never across a block.
 */
function visibleTo(viewerId: string | Prisma.Sql) {
  const viewer = typeof viewerId === 'string' ? Prisma.sql`${viewerId}` : viewerId;
  return Prisma.sql`(
    (p."authorId" = ${viewer} OR (p."hiddenAt" IS NULL AND (
      p.audience = 'PUBLIC'
      OR (p.audience = 'FRIENDS' AND EXISTS (SELECT 1 FROM "Friendship" f WHERE f."userId" = ${viewer} AND f."friendId" = p."authorId"))
    )))
    AND NOT EXISTS (SELECT 1 FROM "Block" b WHERE (b."blockerId" = ${viewer} AND b."blockedId" = p."authorId") OR (b."blockerId" = p."authorId" AND b."blockedId" = ${viewer}))
  )`;
}

export type Cursor = { createdAt: Date; id: string };

function before(cursor: Cursor | undefined, createdAt: Prisma.Sql, id: Prisma.Sql) {
  return cursor ? Prisma.sql`AND (${createdAt}, ${id}) < (${cursor.createdAt}, ${cursor.id})` : Prisma.empty;
}

export type PostRow = {
  id: string;
  authorId: string;
  body: string;
  audience: Audience;
  locationName: string | null;
  mediaIds: string[];
  sharedPostId: string | null;
  likeCount: number;
  commentCount: number;
  shareCount: number;
  hidden: boolean;
  edited: boolean;
  createdAt: Date;
  likedByMe: boolean;
  /** Likes and comments by people in a block with the viewer: subtracted from what they see. */
  blockedLikes: number;
  blockedComments: number;
};

/**
 * Posts chosen by `page` (a statement yielding `id` in display order), with what the viewer
 * sees of each. The per-post subqueries run only for the page's rows.
 */
async function selectPosts(viewerId: string, page: Prisma.Sql): Promise<PostRow[]> {
  return db().$queryRaw<PostRow[]>`
    WITH page AS (${page}),
    blocked AS (
      SELECT "blockedId" AS id FROM "Block" WHERE "blockerId" = ${viewerId}
      UNION SELECT "blockerId" FROM "Block" WHERE "blockedId" = ${viewerId}
    )
    SELECT p.id, p."authorId", p.body, p.audience::text AS audience, p."locationName", p."mediaIds", p."sharedPostId",
      p."likeCount", p."commentCount", p."shareCount", p."hiddenAt" IS NOT NULL AS hidden, p."editedAt" IS NOT NULL AS edited, p."createdAt",
      EXISTS (SELECT 1 FROM "PostLike" l WHERE l."postId" = p.id AND l."userId" = ${viewerId}) AS "likedByMe",
      (SELECT count(*)::int FROM "PostLike" l WHERE l."postId" = p.id AND l."userId" IN (SELECT id FROM blocked)) AS "blockedLikes",
      (SELECT count(*)::int FROM "PostComment" c LEFT JOIN "PostComment" parent ON parent.id = c."parentId"
        WHERE c."postId" = p.id AND c."hiddenAt" IS NULL
          AND (c."authorId" IN (SELECT id FROM blocked) OR parent."authorId" IN (SELECT id FROM blocked))) AS "blockedComments"
    FROM page JOIN "Post" p ON p.id = page.id
    ORDER BY p."createdAt" DESC, p.id DESC`;
}

/** How many of each author's newest posts the home timeline reads before knowing more are needed. */
const firstLook = 3;

/**
 * Home: the viewer's own posts and those of friends and people they follow, newest first.
 * Reading every followed author's newest `take` posts would cost authors × take index entries
 * per page. Instead each author's newest few are read first; the `take`-th newest of those
 * (T) bounds the page from below, since the page's posts can only be newer. Only authors whose
 * first few are all newer than T can have more on the page, and only they are read further,
 * down to T. Friendship and blocks are settled once per author, which is `visibleTo` with the
 * author known.
 */
export function homeTimeline(viewerId: string, cursor: Cursor | undefined, take: number) {
  const newestFirst = Prisma.sql`ORDER BY p."createdAt" DESC, p.id DESC`;
  const visible = Prisma.sql`(a.self OR (p."hiddenAt" IS NULL AND (p.audience = 'PUBLIC' OR (a.friend AND p.audience = 'FRIENDS'))))`;
  const page = before(cursor, Prisma.sql`p."createdAt"`, Prisma.sql`p.id`);
  return selectPosts(
    viewerId,
    Prisma.sql`
      WITH circle AS (
        SELECT ${viewerId}::text AS id, 'self' AS tie
        UNION ALL SELECT "friendId", 'friend' FROM "Friendship" WHERE "userId" = ${viewerId}
        UNION ALL SELECT "followeeId", 'follow' FROM "Follow" WHERE "followerId" = ${viewerId}
      ),
      authors AS (
        SELECT id, bool_or(tie = 'self') AS self, bool_or(tie = 'friend') AS friend FROM circle
        WHERE NOT EXISTS (SELECT 1 FROM "Block" b WHERE (b."blockerId" = ${viewerId} AND b."blockedId" = circle.id) OR (b."blockerId" = circle.id AND b."blockedId" = ${viewerId}))
        GROUP BY id
      ),
      first AS MATERIALIZED (
        SELECT a.id AS author, c.id, c."createdAt" FROM authors a
        CROSS JOIN LATERAL (
          SELECT p.id, p."createdAt" FROM "Post" p WHERE p."authorId" = a.id ${page} AND ${visible} ${newestFirst} LIMIT ${firstLook}
        ) c
      ),
      floor AS (SELECT "createdAt" FROM first ORDER BY "createdAt" DESC, id DESC OFFSET ${take - 1} LIMIT 1),
      busy AS (
        SELECT author FROM first GROUP BY author
        HAVING count(*) = ${firstLook} AND (NOT EXISTS (SELECT 1 FROM floor) OR min("createdAt") >= (SELECT "createdAt" FROM floor))
      ),
      more AS (
        SELECT c.id, c."createdAt" FROM busy JOIN authors a ON a.id = busy.author
        CROSS JOIN LATERAL (
          SELECT p.id, p."createdAt" FROM "Post" p
          WHERE p."authorId" = a.id ${page} AND ${visible}
            AND (NOT EXISTS (SELECT 1 FROM floor) OR p."createdAt" >= (SELECT "createdAt" FROM floor))
          ${newestFirst} LIMIT ${take}
        ) c
      )
      SELECT candidate.id FROM (SELECT id, "createdAt" FROM first UNION SELECT id, "createdAt" FROM more) candidate
      ORDER BY candidate."createdAt" DESC, candidate.id DESC LIMIT ${take}`,
  );
}

export function profileTimeline(viewerId: string, authorId: string, cursor: Cursor | undefined, take: number) {
  return selectPosts(
    viewerId,
    Prisma.sql`
      SELECT p.id FROM "Post" p
      WHERE p."authorId" = ${authorId} ${before(cursor, Prisma.sql`p."createdAt"`, Prisma.sql`p.id`)} AND ${visibleTo(viewerId)}
      ORDER BY p."createdAt" DESC, p.id DESC LIMIT ${take}`,
  );
}

export function hashtagTimeline(viewerId: string, tag: string, cursor: Cursor | undefined, take: number) {
  return selectPosts(
    viewerId,
    Prisma.sql`
      SELECT p.id FROM "PostHashtag" h JOIN "Post" p ON p.id = h."postId"
      WHERE h.tag = ${tag} ${before(cursor, Prisma.sql`h."createdAt"`, Prisma.sql`h."postId"`)} AND ${visibleTo(viewerId)}
      ORDER BY h."createdAt" DESC, h."postId" DESC LIMIT ${take}`,
  );
}

/** The posts among `ids` the viewer may see (for shares' originals, single posts, notifications). */
export function visiblePosts(viewerId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectPosts(viewerId, Prisma.sql`SELECT p.id FROM "Post" p WHERE p.id = ANY(${ids}::text[]) AND ${visibleTo(viewerId)}`);
}

/** Of `userIds`, those who may see the post (to notify only people who can open it). */
export async function usersWhoMaySee(postId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT u.id FROM unnest(${userIds}::text[]) AS u(id), "Post" p
    WHERE p.id = ${postId} AND ${visibleTo(Prisma.sql`u.id`)}`;
  return rows.map((row) => row.id);
}

/** Who should hear of a new post live: friends (unless only-me) and followers (if public). */
export async function homeAudienceOf(post: { authorId: string; audience: Audience }): Promise<string[]> {
  if (post.audience === 'ONLY_ME') return [post.authorId];
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT "userId" AS id FROM "Friendship" WHERE "friendId" = ${post.authorId}
    UNION SELECT "followerId" FROM "Follow" WHERE "followeeId" = ${post.authorId} AND ${post.audience} = 'PUBLIC'
    UNION SELECT ${post.authorId}::text`;
  return rows.map((row) => row.id);
}

// ---- Writes ---------------------------------------------------------------------------------

type NewPost = { authorId: string; body: string; audience: Audience; locationName: string | null; mediaIds: string[]; sharedPostId: string | null; hashtags: string[] };

export async function insertPost(post: NewPost): Promise<{ id: string; createdAt: Date }> {
  const { hashtags, ...fields } = post;
  return db().$transaction(async (tx) => {
    const created = await tx.post.create({ data: fields, select: { id: true, createdAt: true } });
    if (hashtags.length > 0) {
      await tx.postHashtag.createMany({
        data: hashtags.map((tag) => ({ tag, postId: created.id, authorId: post.authorId, audience: post.audience, createdAt: created.createdAt })),
      });
    }
    if (post.sharedPostId) await tx.post.update({ where: { id: post.sharedPostId }, data: { shareCount: { increment: 1 } } });
    return created;
  });
}

export async function findPost(postId: string) {
  return db().post.findUnique({ where: { id: postId }, select: { id: true, authorId: true, body: true, mediaIds: true, sharedPostId: true } });
}

export async function updatePost(postId: string, fields: { body: string; audience: Audience; locationName: string | null; hashtags: string[]; editedAt: Date }) {
  const { hashtags, ...data } = fields;
  await db().$transaction(async (tx) => {
    const post = await tx.post.update({ where: { id: postId }, data, select: { authorId: true, createdAt: true } });
    await tx.postHashtag.deleteMany({ where: { postId } });
    if (hashtags.length > 0) {
      await tx.postHashtag.createMany({
        data: hashtags.map((tag) => ({ tag, postId, authorId: post.authorId, audience: data.audience, createdAt: post.createdAt })),
      });
    }
  });
}

/** The post and everything hanging off it; shares of it stay, showing their original is gone. */
export async function deletePost(postId: string, sharedPostId: string | null): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.postLike.deleteMany({ where: { postId } });
    await tx.postComment.deleteMany({ where: { postId } });
    await tx.postHashtag.deleteMany({ where: { postId } });
    await tx.post.delete({ where: { id: postId } });
    if (sharedPostId) await tx.post.updateMany({ where: { id: sharedPostId, shareCount: { gt: 0 } }, data: { shareCount: { decrement: 1 } } });
  });
}

/** Likes once per person however often it is pressed: the count moves only when a row does. */
export async function setLike(postId: string, userId: string, liked: boolean): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const changed = liked
      ? await tx.$executeRaw`INSERT INTO "PostLike" ("postId", "userId") VALUES (${postId}, ${userId}) ON CONFLICT DO NOTHING`
      : await tx.$executeRaw`DELETE FROM "PostLike" WHERE "postId" = ${postId} AND "userId" = ${userId}`;
    if (changed > 0) await tx.post.update({ where: { id: postId }, data: { likeCount: { increment: liked ? 1 : -1 } } });
    return changed > 0;
  });
}

export async function findComment(commentId: string) {
  return db().postComment.findUnique({ where: { id: commentId }, select: { id: true, postId: true, authorId: true, parentId: true, hiddenAt: true } });
}

export async function insertComment(comment: { postId: string; authorId: string; parentId: string | null; body: string }) {
  return db().$transaction(async (tx) => {
    const created = await tx.postComment.create({ data: comment, select: { id: true } });
    await tx.post.update({ where: { id: comment.postId }, data: { commentCount: { increment: 1 } } });
    return created;
  });
}

/** A comment and its replies (shown ones only count: hidden ones were already taken off). */
export async function deleteCommentThread(commentId: string, postId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    // Counted by what this delete removed, so two deletes (or a delete and a hide) at once
    // never take the same comment off the count twice.
    const thread = { OR: [{ id: commentId }, { parentId: commentId }] };
    const shown = await tx.postComment.deleteMany({ where: { ...thread, hiddenAt: null } });
    await tx.postComment.deleteMany({ where: thread });
    if (shown.count > 0) await tx.post.update({ where: { id: postId }, data: { commentCount: { decrement: shown.count } } });
  });
}

export type CommentRow = { id: string; authorId: string; parentId: string | null; body: string; createdAt: Date };

/**
 * A post's shown comments in the order written, leaving out those by people in a block with
 * the viewer and the replies under them. At most `take`: the newest when there are more.
 */
export async function listComments(viewerId: string, postId: string, take: number): Promise<CommentRow[]> {
  const rows = await db().$queryRaw<CommentRow[]>`
    WITH blocked AS (
      SELECT "blockedId" AS id FROM "Block" WHERE "blockerId" = ${viewerId}
      UNION SELECT "blockerId" FROM "Block" WHERE "blockedId" = ${viewerId}
    )
    SELECT c.id, c."authorId", c."parentId", c.body, c."createdAt" FROM "PostComment" c
    LEFT JOIN "PostComment" parent ON parent.id = c."parentId"
    WHERE c."postId" = ${postId} AND c."hiddenAt" IS NULL
      AND c."authorId" NOT IN (SELECT id FROM blocked)
      AND (parent.id IS NULL OR (parent."hiddenAt" IS NULL AND parent."authorId" NOT IN (SELECT id FROM blocked)))
    ORDER BY c."createdAt" DESC, c.id DESC LIMIT ${take}`;
  return rows.reverse();
}

// ---- Reports and moderation -----------------------------------------------------------------

export async function insertReport(report: { reporterId: string; targetType: string; targetId: string; reason: string }): Promise<void> {
  // Reporting twice is reporting once; reporting again after a dismissal opens it again
  // (the content may have been edited into something worse).
  await db().contentReport.upsert({
    where: { reporterId_targetType_targetId: { reporterId: report.reporterId, targetType: report.targetType, targetId: report.targetId } },
    create: report,
    update: { reason: report.reason, createdAt: new Date(), resolvedAt: null, resolvedBy: null, resolution: null },
  });
}

export type ReportGroupRow = { targetType: string; targetId: string; reports: number; reasons: string[]; firstAt: Date };

/** Open reports grouped per reported thing, the most reported first. */
export async function listOpenReports(take: number): Promise<ReportGroupRow[]> {
  return db().$queryRaw<ReportGroupRow[]>`
    SELECT "targetType", "targetId", count(*)::int AS reports, array_agg(DISTINCT reason) AS reasons, min("createdAt") AS "firstAt"
    FROM "ContentReport" r WHERE "resolvedAt" IS NULL
      -- Content its author deleted since needs no decision.
      AND ((r."targetType" = 'post' AND EXISTS (SELECT 1 FROM "Post" WHERE id = r."targetId"))
        OR (r."targetType" = 'comment' AND EXISTS (SELECT 1 FROM "PostComment" WHERE id = r."targetId")))
    GROUP BY "targetType", "targetId" ORDER BY count(*) DESC, min("createdAt") LIMIT ${take}`;
}

export async function findPostsForModeration(ids: string[]) {
  return db().post.findMany({ where: { id: { in: ids } }, select: { id: true, authorId: true, body: true, mediaIds: true, hiddenAt: true, createdAt: true } });
}

export async function findCommentsForModeration(ids: string[]) {
  return db().postComment.findMany({ where: { id: { in: ids } }, select: { id: true, postId: true, authorId: true, body: true, hiddenAt: true, createdAt: true } });
}

/** Hides (or only closes the reports on) a post or comment, in one transaction. */
export async function resolveReports(target: { targetType: 'post' | 'comment'; targetId: string }, resolution: 'hidden' | 'dismissed', adminId: string, at: Date): Promise<number> {
  return db().$transaction(async (tx) => {
    const closed = await tx.contentReport.updateMany({
      where: { targetType: target.targetType, targetId: target.targetId, resolvedAt: null },
      data: { resolvedAt: at, resolvedBy: adminId, resolution },
    });
    if (resolution === 'hidden') {
      if (target.targetType === 'post') {
        await tx.post.updateMany({ where: { id: target.targetId, hiddenAt: null }, data: { hiddenAt: at } });
      } else {
        // A hidden comment takes its replies with it, as deleting it would.
        const comment = await tx.postComment.findUnique({ where: { id: target.targetId }, select: { postId: true } });
        const thread = { OR: [{ id: target.targetId }, { parentId: target.targetId }], hiddenAt: null };
        const shown = await tx.postComment.updateMany({ where: thread, data: { hiddenAt: at } });
        if (comment && shown.count > 0) await tx.post.update({ where: { id: comment.postId }, data: { commentCount: { decrement: shown.count } } });
      }
    }
    return closed.count;
  });
}

/** Of `assetIds`, the photos some post still shows (through the GIN index on mediaIds). */
export async function photosInUse(assetIds: string[]): Promise<Set<string>> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT DISTINCT used.id FROM "Post" p, unnest(p."mediaIds") AS used(id)
    WHERE p."mediaIds" && ${assetIds}::text[] AND used.id = ANY(${assetIds}::text[])`;
  return new Set(rows.map((row) => row.id));
}
