import 'server-only';
import { getPeopleSummaries, resolveHandles, type PersonSummary } from '@/lib/account';
import { canUseAdmin } from '@/lib/core/admin-policy';
import { now } from '@/lib/core/clock';
import { AppError, invalidField, notFound } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { getImageSizes, requireOwnImages } from '@/lib/media';
import { send as notify, type NotificationKind } from '@/lib/notify';
import { channelName, publish, publishToOpenUserChannels } from '@/lib/realtime';
import { decodeCursor, encodeCursor } from './cursor';
import * as posts from './db';
import { feedEvents, postChannelScope } from './events';
import { mayChangePost, mayDeleteComment } from './policy';
import type { CommentDto, CommentInput, CreatePostInput, EditPostInput, PostDto, PostStats, SharePostInput, TimelinePage, TimelineRef } from './schemas';
import { extractHashtags, extractMentions, normalizeTag } from './text';

const pageSize = 20;
const commentsShown = 200;

// ---- Reading ------------------------------------------------------------------------------

function toPost(row: posts.PostRow, viewer: Viewer, people: Map<string, PersonSummary>, sizes: Map<string, { width: number; height: number }>): Omit<PostDto, 'shared'> | null {
  const author = people.get(row.authorId);
  if (!author) return null;
  return {
    id: row.id,
    author,
    body: row.body,
    audience: row.audience,
    locationName: row.locationName,
    photos: row.mediaIds.flatMap((id) => {
      const size = sizes.get(id);
      return size ? [{ id, ...size }] : [];
    }),
    likeCount: Math.max(0, row.likeCount - row.blockedLikes),
    commentCount: Math.max(0, row.commentCount - row.blockedComments),
    shareCount: row.shareCount,
    likedByMe: row.likedByMe,
    mine: row.authorId === viewer.id,
    hidden: row.hidden,
    edited: row.edited,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Rows → what the viewer sees, in a fixed number of queries whatever the page holds: the
 * originals of shares (themselves checked against the viewer), then every author and every
 * photo size at once.
 */
async function present(viewer: Viewer, rows: posts.PostRow[]): Promise<PostDto[]> {
  const sharedIds = [...new Set(rows.flatMap((row) => (row.sharedPostId ? [row.sharedPostId] : [])))];
  const originals = await posts.visiblePosts(viewer.id, sharedIds);
  const all = [...rows, ...originals];
  const [people, sizes] = await Promise.all([getPeopleSummaries(viewer, all.map((row) => row.authorId)), getImageSizes(all.flatMap((row) => row.mediaIds))]);
  const originalById = new Map(originals.map((row) => [row.id, toPost(row, viewer, people, sizes)]));
  return rows.flatMap((row) => {
    const post = toPost(row, viewer, people, sizes);
    if (!post) return [];
    return [{ ...post, shared: row.sharedPostId ? (originalById.get(row.sharedPostId) ?? null) : undefined }];
  });
}

async function page(viewer: Viewer, rows: posts.PostRow[]): Promise<TimelinePage> {
  const last = rows[rows.length - 1];
  return { items: await present(viewer, rows), next: rows.length === pageSize && last ? encodeCursor(last) : null };
}

/** Newest first from `cursor`, twenty at a time; each post only if the viewer may see it. */
export async function listHomeTimeline(viewer: Viewer, input: { cursor?: string } = {}): Promise<TimelinePage> {
  return page(viewer, await posts.homeTimeline(viewer.id, decodeCursor(input.cursor), pageSize));
}

export async function listProfileTimeline(viewer: Viewer, input: { handle: string; cursor?: string }): Promise<TimelinePage> {
  const person = (await resolveHandles(viewer, [input.handle])).get(input.handle.toLowerCase());
  if (!person) throw notFound();
  return page(viewer, await posts.profileTimeline(viewer.id, person.id, decodeCursor(input.cursor), pageSize));
}

export async function listHashtagTimeline(viewer: Viewer, input: { tag: string; cursor?: string }): Promise<TimelinePage> {
  return page(viewer, await posts.hashtagTimeline(viewer.id, normalizeTag(input.tag), decodeCursor(input.cursor), pageSize));
}

export async function listTimeline(viewer: Viewer, input: { timeline: TimelineRef; cursor?: string }): Promise<TimelinePage> {
  const { timeline, cursor } = input;
  if (timeline.kind === 'profile') return listProfileTimeline(viewer, { handle: timeline.handle, cursor });
  if (timeline.kind === 'hashtag') return listHashtagTimeline(viewer, { tag: timeline.tag, cursor });
  return listHomeTimeline(viewer, { cursor });
}

/** One post as the viewer may see it; a post they may not see does not exist for them. */
export async function getPost(viewer: Viewer, postId: string): Promise<PostDto> {
  const [row] = await posts.visiblePosts(viewer.id, [postId]);
  if (!row) throw notFound();
  const [post] = await present(viewer, [row]);
  if (!post) throw notFound();
  return post;
}

async function requireVisible(viewer: Viewer, postId: string): Promise<posts.PostRow> {
  const [row] = await posts.visiblePosts(viewer.id, [postId]);
  if (!row) throw notFound();
  return row;
}

/** Counts as the viewer sees them, for posts already on screen (after a live change). */
export async function getPostStats(viewer: Viewer, postIds: string[]): Promise<PostStats[]> {
  const rows = await posts.visiblePosts(viewer.id, postIds);
  return rows.map((row) => ({
    postId: row.id,
    likeCount: Math.max(0, row.likeCount - row.blockedLikes),
    commentCount: Math.max(0, row.commentCount - row.blockedComments),
    shareCount: row.shareCount,
    likedByMe: row.likedByMe,
  }));
}

/** Of `postIds`, those the viewer may open (notifications about others are left out). */
export async function visiblePostIds(viewer: Viewer, postIds: string[]): Promise<Set<string>> {
  return new Set((await posts.visiblePosts(viewer.id, [...new Set(postIds)])).map((row) => row.id));
}

export async function listComments(viewer: Viewer, postId: string): Promise<CommentDto[]> {
  const post = await requireVisible(viewer, postId);
  const rows = await posts.listComments(viewer.id, postId, commentsShown);
  const people = await getPeopleSummaries(viewer, rows.map((row) => row.authorId));
  return rows.flatMap((row) => {
    const author = people.get(row.authorId);
    if (!author) return [];
    return [{ id: row.id, author, parentId: row.parentId, body: row.body, createdAt: row.createdAt.toISOString(), mine: row.authorId === viewer.id, deletable: mayDeleteComment(viewer, row, post) }];
  });
}

/** The realtime policy for `private-post-<id>`: whoever may see the post may hear of it. */
export async function mayListenOnPostChannel(viewer: Viewer, channel: { access: string; id: string }): Promise<boolean> {
  if (channel.access !== 'private') return false;
  return (await posts.visiblePosts(viewer.id, [channel.id])).length === 1;
}

// ---- Telling others -----------------------------------------------------------------------

const postChannel = (postId: string) => channelName('private', postChannelScope, postId);

function announceChange(postId: string, what: 'likes' | 'comments' | 'post') {
  return publish(postChannel(postId), feedEvents.postChanged, { postId, what });
}

/** New posts are announced to the open browsers of people whose home timeline gains them. */
async function announceNewPost(post: { id: string; authorId: string; audience: CreatePostInput['audience'] }) {
  await publishToOpenUserChannels(await posts.homeAudienceOf(post), feedEvents.postCreated, { postId: post.id, authorId: post.authorId });
}

/** Notifies each person who may see the post (never someone outside its audience). */
async function notifyThoseWhoMaySee(postId: string, recipients: string[], kind: NotificationKind, actorId: string, data: Record<string, string> = {}) {
  const allowed = await posts.usersWhoMaySee(postId, [...new Set(recipients)].filter((id) => id !== actorId));
  for (const recipientId of allowed) await notify(recipientId, kind, { actorId, data: { postId, ...data } });
}

async function mentionedIds(viewer: Viewer, text: string): Promise<string[]> {
  const handles = extractMentions(text);
  if (handles.length === 0) return [];
  return [...(await resolveHandles(viewer, handles)).values()].map((person) => person.id);
}

// ---- Writing ------------------------------------------------------------------------------

export async function createPost(viewer: Viewer, input: CreatePostInput): Promise<{ id: string }> {
  await requireOwnImages(viewer, input.mediaIds, 'post');
  const created = await posts.insertPost({ authorId: viewer.id, ...input, sharedPostId: null, hashtags: extractHashtags(input.body) });
  await announceNewPost({ id: created.id, authorId: viewer.id, audience: input.audience });
  await notifyThoseWhoMaySee(created.id, await mentionedIds(viewer, input.body), 'post.mentioned', viewer.id);
  return { id: created.id };
}

/**
 * Passes a post on with the viewer's words. A share of a share passes on the original. The
 * share has its own audience, and the original inside it is shown only to people who may see
 * the original: a share never widens who sees it.
 */
export async function sharePost(viewer: Viewer, input: SharePostInput): Promise<{ id: string }> {
  const seen = await requireVisible(viewer, input.postId);
  const original = seen.sharedPostId ? await requireVisible(viewer, seen.sharedPostId) : seen;
  if (original.audience === 'ONLY_ME') throw new AppError('FORBIDDEN', 'feed.cannotShare');
  const created = await posts.insertPost({
    authorId: viewer.id,
    body: input.body,
    audience: input.audience,
    locationName: null,
    mediaIds: [],
    sharedPostId: original.id,
    hashtags: extractHashtags(input.body),
  });
  await Promise.all([announceNewPost({ id: created.id, authorId: viewer.id, audience: input.audience }), announceChange(original.id, 'post')]);
  // The original's author hears of it only if they may see the share itself.
  await notifyThoseWhoMaySee(created.id, [original.authorId], 'post.shared', viewer.id);
  await notifyThoseWhoMaySee(created.id, await mentionedIds(viewer, input.body), 'post.mentioned', viewer.id);
  return { id: created.id };
}

/** Someone else's post is "not found" to a would-be editor, as if it did not exist. */
async function requireOwnPost(viewer: Viewer, postId: string) {
  const post = await posts.findPost(postId);
  if (!post || !mayChangePost(viewer, post)) throw notFound();
  return post;
}

export async function editPost(viewer: Viewer, input: EditPostInput): Promise<void> {
  const post = await requireOwnPost(viewer, input.postId);
  if (!input.body && !post.sharedPostId && post.mediaIds.length === 0) throw invalidField('body', 'feed.empty');
  const before = new Set(extractMentions(post.body));
  await posts.updatePost(post.id, { body: input.body, audience: input.audience, locationName: input.locationName, hashtags: extractHashtags(input.body), editedAt: now() });
  await announceChange(post.id, 'post');
  // Only people newly mentioned by the edit hear of it.
  const added = extractMentions(input.body).filter((handle) => !before.has(handle));
  await notifyThoseWhoMaySee(post.id, await mentionedIds(viewer, added.map((handle) => `@${handle}`).join(' ')), 'post.mentioned', viewer.id);
}

export async function deletePost(viewer: Viewer, postId: string): Promise<void> {
  const post = await requireOwnPost(viewer, postId);
  await posts.deletePost(post.id, post.sharedPostId);
  await announceChange(post.id, 'post');
  if (post.sharedPostId) await announceChange(post.sharedPostId, 'post');
}

export async function setLike(viewer: Viewer, input: { postId: string; liked: boolean }): Promise<PostStats> {
  const post = await requireVisible(viewer, input.postId);
  const changed = await posts.setLike(post.id, viewer.id, input.liked);
  if (changed) {
    await announceChange(post.id, 'likes');
    if (input.liked) await notifyThoseWhoMaySee(post.id, [post.authorId], 'post.liked', viewer.id);
  }
  const [stats] = await getPostStats(viewer, [post.id]);
  return stats!;
}

export async function addComment(viewer: Viewer, input: CommentInput): Promise<{ id: string }> {
  const post = await requireVisible(viewer, input.postId);
  let parentAuthorId: string | null = null;
  if (input.parentId) {
    // Replies go one level deep: answering a reply answers its top-level comment.
    const shown = await posts.listComments(viewer.id, post.id, commentsShown);
    const parent = shown.find((comment) => comment.id === input.parentId);
    if (!parent) throw new AppError('NOT_FOUND', 'feed.commentGone');
    const top = parent.parentId ? shown.find((comment) => comment.id === parent.parentId) : parent;
    if (!top) throw new AppError('NOT_FOUND', 'feed.commentGone');
    input = { ...input, parentId: top.id };
    parentAuthorId = parent.authorId;
  }
  const created = await posts.insertComment({ postId: post.id, authorId: viewer.id, parentId: input.parentId ?? null, body: input.body });
  await announceChange(post.id, 'comments');
  await notifyThoseWhoMaySee(post.id, [post.authorId], 'post.commented', viewer.id);
  if (parentAuthorId && parentAuthorId !== post.authorId) await notifyThoseWhoMaySee(post.id, [parentAuthorId], 'comment.replied', viewer.id);
  await notifyThoseWhoMaySee(post.id, await mentionedIds(viewer, input.body), 'post.mentioned', viewer.id);
  return created;
}

export async function deleteComment(viewer: Viewer, commentId: string): Promise<void> {
  const comment = await posts.findComment(commentId);
  if (!comment) throw notFound();
  const post = await requireVisible(viewer, comment.postId);
  if (!mayDeleteComment(viewer, comment, post)) throw notFound();
  await posts.deleteCommentThread(comment.id, post.id);
  await announceChange(post.id, 'comments');
}

// ---- Reports and moderation -----------------------------------------------------------------

/** A person reports what they can see; reporting the same thing twice counts once. */
export async function report(viewer: Viewer, input: { targetType: 'post' | 'comment'; targetId: string; reason: string }): Promise<void> {
  if (input.targetType === 'post') {
    await requireVisible(viewer, input.targetId);
  } else {
    const comment = await posts.findComment(input.targetId);
    if (!comment || comment.hiddenAt) throw notFound();
    await requireVisible(viewer, comment.postId);
  }
  await posts.insertReport({ reporterId: viewer.id, ...input });
}

function requireAdmin(viewer: Viewer) {
  // Everyone else is told the queue does not exist.
  if (!canUseAdmin(viewer)) throw notFound();
}

export type ModerationItem = {
  targetType: 'post' | 'comment';
  targetId: string;
  postId: string;
  author: PersonSummary | null;
  body: string;
  photoIds: string[];
  reports: number;
  reasons: string[];
  hidden: boolean;
  firstReportedAt: string;
};

/** Open reports, most reported first, with what was reported (even if hidden or friends-only). */
export async function listModerationQueue(viewer: Viewer): Promise<ModerationItem[]> {
  requireAdmin(viewer);
  const groups = await posts.listOpenReports(100);
  const ids = (type: string) => groups.filter((group) => group.targetType === type).map((group) => group.targetId);
  const [reportedPosts, reportedComments] = await Promise.all([posts.findPostsForModeration(ids('post')), posts.findCommentsForModeration(ids('comment'))]);
  const authorIds = [...reportedPosts, ...reportedComments].map((item) => item.authorId);
  const people = await getPeopleSummaries(viewer, authorIds);
  const postById = new Map(reportedPosts.map((post) => [post.id, post]));
  const commentById = new Map(reportedComments.map((comment) => [comment.id, comment]));
  return groups.flatMap((group): ModerationItem[] => {
    const base = { targetId: group.targetId, reports: group.reports, reasons: group.reasons, firstReportedAt: group.firstAt.toISOString() };
    const post = group.targetType === 'post' ? postById.get(group.targetId) : undefined;
    if (post) return [{ ...base, targetType: 'post' as const, postId: post.id, author: people.get(post.authorId) ?? null, body: post.body, photoIds: post.mediaIds, hidden: post.hiddenAt !== null }];
    const comment = group.targetType === 'comment' ? commentById.get(group.targetId) : undefined;
    if (comment) return [{ ...base, targetType: 'comment' as const, postId: comment.postId, author: people.get(comment.authorId) ?? null, body: comment.body, photoIds: [], hidden: comment.hiddenAt !== null }];
    // Deleted by its author since: nothing left to decide.
    return [];
  });
}

export async function resolveReport(viewer: Viewer, input: { targetType: 'post' | 'comment'; targetId: string; resolution: 'hidden' | 'dismissed' }): Promise<void> {
  requireAdmin(viewer);
  const closed = await posts.resolveReports(input, input.resolution, viewer.id, now());
  if (closed === 0) throw notFound();
  if (input.resolution === 'hidden') {
    const postId = input.targetType === 'post' ? input.targetId : (await posts.findComment(input.targetId))?.postId;
    if (postId) await announceChange(postId, input.targetType === 'post' ? 'post' : 'comments');
  }
}
