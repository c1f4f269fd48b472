import { afterAll, describe, expect, it } from 'vitest';
import * as graph from '@/lib/account/graph';
import { signUp } from '@/lib/account/service';
import { db } from '@/lib/core/db';
import type { Viewer } from '@/lib/core/session';
import { listMyNotifications } from '@/lib/notify';
import { refusal } from '@/tests/support/refusal';
import * as feed from './service';
import { befriend } from '@/tests/support/people';

let serial = 0;
async function person(isAdmin = false): Promise<Viewer> {
  serial += 1;
  const handle = `f${Date.now().toString(36)}${serial}${Math.floor(Math.random() * 1e4)}`.slice(0, 30);
  const account = await signUp({ name: `Feed ${serial}`, handle, email: `${handle}@example.test`, password: 'correct horse battery staple' });
  return { kind: 'person', id: account.id, handle: account.handle, isAdmin };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
const tag = () => `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

async function notificationsOf(viewer: Viewer) {
  return (await listMyNotifications(viewer)).items;
}

afterAll(async () => {
  await db().$disconnect();
});

describe('audience', () => {
  it('keeps a friends-only post from a non-friend everywhere, and shows it to a friend', async () => {
    const [author, friend, stranger] = await Promise.all([person(), person(), person()]);
    await befriend(author, friend);
    await graph.follow(stranger, author.handle);
    const hashtag = tag();
    const { id } = await feed.createPost(author, { body: `Only for friends #${hashtag} @${stranger.handle} @${friend.handle}`, audience: 'FRIENDS', locationName: null, mediaIds: [] });
    await feed.setLike(friend, { postId: id, liked: true });
    await feed.addComment(friend, { postId: id, body: 'Lovely' });

    expect(ids(await feed.listHomeTimeline(friend))).toContain(id);
    expect(ids(await feed.listProfileTimeline(friend, { handle: author.handle }))).toContain(id);
    expect(ids(await feed.listHashtagTimeline(friend, { tag: hashtag }))).toEqual([id]);
    const seen = await feed.getPost(friend, id);
    expect([seen.likeCount, seen.commentCount]).toEqual([1, 1]);
    expect((await notificationsOf(friend)).some((n) => n.kind === 'post.mentioned' && n.data.postId === id)).toBe(true);

    // The stranger follows the author, so public posts would reach their home timeline: this one may not.
    expect(ids(await feed.listHomeTimeline(stranger))).not.toContain(id);
    expect(ids(await feed.listProfileTimeline(stranger, { handle: author.handle }))).not.toContain(id);
    expect(ids(await feed.listHashtagTimeline(stranger, { tag: hashtag }))).toEqual([]);
    expect((await refusal(feed.getPost(stranger, id))).code).toBe('NOT_FOUND');
    expect((await refusal(feed.listComments(stranger, id))).code).toBe('NOT_FOUND');
    expect((await refusal(feed.setLike(stranger, { postId: id, liked: true }))).code).toBe('NOT_FOUND');
    expect((await refusal(feed.addComment(stranger, { postId: id, body: 'hi' }))).code).toBe('NOT_FOUND');
    expect(await feed.getPostStats(stranger, [id])).toEqual([]);
    expect((await feed.visiblePostIds(stranger, [id])).size).toBe(0);
    expect(await feed.mayListenOnPostChannel(stranger, { access: 'private', id })).toBe(false);
    expect(await feed.mayListenOnPostChannel(friend, { access: 'private', id })).toBe(true);
    // Mentioned, but outside the audience: never told.
    expect((await notificationsOf(stranger)).some((n) => n.data.postId === id)).toBe(false);
  });

  it('lets a share carry its own audience without widening the original', async () => {
    const [author, friend, stranger] = await Promise.all([person(), person(), person()]);
    await befriend(author, friend);
    await befriend(friend, stranger);
    const original = await feed.createPost(author, { body: 'Friends only', audience: 'FRIENDS', locationName: null, mediaIds: [] });
    const share = await feed.sharePost(friend, { postId: original.id, body: 'Look at this', audience: 'PUBLIC' });

    const asFriend = await feed.getPost(friend, share.id);
    expect(asFriend.shared?.id).toBe(original.id);
    const asStranger = await feed.getPost(stranger, share.id);
    expect(asStranger.body).toBe('Look at this');
    expect(asStranger.shared).toBeNull();
    expect((await feed.getPost(author, original.id)).shareCount).toBe(1);
    expect((await notificationsOf(author)).some((n) => n.kind === 'post.shared' && n.data.postId === share.id)).toBe(true);

    const mine = await feed.createPost(author, { body: 'Diary', audience: 'ONLY_ME', locationName: null, mediaIds: [] });
    expect((await refusal(feed.getPost(friend, mine.id))).code).toBe('NOT_FOUND');
    expect((await feed.getPost(author, mine.id)).body).toBe('Diary');
  });

  it('leaves out a blocked person’s posts, likes and comments from the blocker’s view', async () => {
    const [author, viewer, blocked] = await Promise.all([person(), person(), person()]);
    const { id } = await feed.createPost(author, { body: 'Public', audience: 'PUBLIC', locationName: null, mediaIds: [] });
    await feed.setLike(blocked, { postId: id, liked: true });
    await feed.setLike(viewer, { postId: id, liked: true });
    const comment = await feed.addComment(blocked, { postId: id, body: 'from the blocked one' });
    await feed.addComment(viewer, { postId: id, parentId: comment.id, body: 'reply under it' });
    await feed.addComment(viewer, { postId: id, body: 'my own' });
    expect((await feed.getPost(author, id)).likeCount).toBe(2);
    expect((await feed.getPost(author, id)).commentCount).toBe(3);

    await graph.block(viewer, blocked.handle);
    const seen = await feed.getPost(viewer, id);
    expect([seen.likeCount, seen.commentCount, seen.likedByMe]).toEqual([1, 1, true]);
    expect((await feed.listComments(viewer, id)).map((c) => c.body)).toEqual(['my own']);
    const blockedPost = await feed.createPost(blocked, { body: 'unseen', audience: 'PUBLIC', locationName: null, mediaIds: [] });
    expect((await refusal(feed.getPost(viewer, blockedPost.id))).code).toBe('NOT_FOUND');
  });
});

describe('likes and comments', () => {
  it('counts a like once however often it is pressed, and replies stay one level deep', async () => {
    const [author, fan] = await Promise.all([person(), person()]);
    const { id } = await feed.createPost(author, { body: 'Hello', audience: 'PUBLIC', locationName: null, mediaIds: [] });
    await Promise.all([1, 2, 3].map(() => feed.setLike(fan, { postId: id, liked: true })));
    expect((await feed.getPost(author, id)).likeCount).toBe(1);
    expect((await notificationsOf(author)).filter((n) => n.kind === 'post.liked' && n.data.postId === id)).toHaveLength(1);
    expect((await feed.setLike(fan, { postId: id, liked: false })).likeCount).toBe(0);

    const top = await feed.addComment(fan, { postId: id, body: 'First' });
    const reply = await feed.addComment(author, { postId: id, parentId: top.id, body: 'Thanks' });
    const replyToReply = await feed.addComment(fan, { postId: id, parentId: reply.id, body: 'Welcome' });
    const comments = await feed.listComments(author, id);
    expect(comments.find((c) => c.id === replyToReply.id)?.parentId).toBe(top.id);
    expect(comments.every((c) => c.deletable)).toBe(true);
    expect((await feed.listComments(fan, id)).find((c) => c.id === reply.id)?.deletable).toBe(false);

    // The post's author removes the fan's comment, and its replies go with it.
    await feed.deleteComment(author, top.id);
    expect(await feed.listComments(author, id)).toEqual([]);
    expect((await feed.getPost(author, id)).commentCount).toBe(0);
  });

  it('lets only the author edit or delete a post', async () => {
    const [author, other] = await Promise.all([person(), person()]);
    const hashtag = tag();
    const { id } = await feed.createPost(author, { body: `Before #${hashtag}`, audience: 'PUBLIC', locationName: null, mediaIds: [] });
    expect((await refusal(feed.editPost(other, { postId: id, body: 'Hijack', audience: 'PUBLIC', locationName: null }))).code).toBe('NOT_FOUND');
    expect((await refusal(feed.deletePost(other, id))).code).toBe('NOT_FOUND');
    await feed.editPost(author, { postId: id, body: 'After', audience: 'PUBLIC', locationName: 'Lisbon' });
    const edited = await feed.getPost(other, id);
    expect([edited.body, edited.locationName, edited.edited]).toEqual(['After', 'Lisbon', true]);
    expect(ids(await feed.listHashtagTimeline(other, { tag: hashtag }))).toEqual([]);
    await feed.deletePost(author, id);
    expect((await refusal(feed.getPost(author, id))).code).toBe('NOT_FOUND');
  });
});

describe('timelines', () => {
  it('pages newest first without repeats, and finds a Chinese hashtag', async () => {
    const [author, reader] = await Promise.all([person(), person()]);
    await graph.follow(reader, author.handle);
    const created: string[] = [];
    for (let i = 0; i < 25; i += 1) created.push((await feed.createPost(author, { body: `Post ${i} #周末${serial}`, audience: 'PUBLIC', locationName: null, mediaIds: [] })).id);
    const first = await feed.listHomeTimeline(reader);
    expect(first.items).toHaveLength(20);
    expect(first.next).not.toBeNull();
    const second = await feed.listHomeTimeline(reader, { cursor: first.next! });
    expect([...ids(first), ...ids(second)]).toEqual([...created].reverse());
    expect(second.next).toBeNull();
    expect((await feed.listHashtagTimeline(reader, { tag: `周末${serial}` })).items).toHaveLength(20);
  });
});

describe('home timeline', () => {
  it('merges many authors newest first, whoever posted most, across pages', async () => {
    const [reader, busy, friend] = await Promise.all([person(), person(), person()]);
    // Enough authors that their newest few already fill a page: the busy one's later posts must still come through.
    const quiet = await Promise.all(Array.from({ length: 8 }, () => person()));
    for (const author of [busy, ...quiet]) await graph.follow(reader, author.handle);
    await befriend(reader, friend);
    const created: string[] = [];
    const post = async (author: Viewer, audience: 'PUBLIC' | 'FRIENDS' | 'ONLY_ME') =>
      (await feed.createPost(author, { body: `by ${author.handle}`, audience, locationName: null, mediaIds: [] })).id;
    for (const author of quiet) for (let i = 0; i < 4; i += 1) created.push(await post(author, 'PUBLIC'));
    // Then a burst from one author, with posts the reader may not see in between.
    for (let round = 0; round < 5; round += 1) {
      for (let i = 0; i < 4; i += 1) created.push(await post(busy, 'PUBLIC'));
      await post(busy, 'FRIENDS');
      created.push(await post(friend, 'FRIENDS'));
      await post(friend, 'ONLY_ME');
      if (round === 3) created.push(await post(reader, 'ONLY_ME'));
    }
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await feed.listHomeTimeline(reader, { cursor });
      pages.push(...ids(page));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(pages).toEqual([...created].reverse());
  });
});

describe('moderation', () => {
  it('lets an admin hide a reported post from everyone but its author', async () => {
    const [author, reporter, admin] = await Promise.all([person(), person(), person(true)]);
    const { id } = await feed.createPost(author, { body: 'Spam spam', audience: 'PUBLIC', locationName: null, mediaIds: [] });
    await feed.report(reporter, { targetType: 'post', targetId: id, reason: 'spam' });
    await feed.report(reporter, { targetType: 'post', targetId: id, reason: 'spam' });
    expect((await refusal(feed.listModerationQueue(reporter))).code).toBe('NOT_FOUND');
    const queued = (await feed.listModerationQueue(admin)).find((item) => item.targetId === id);
    expect(queued?.reports).toBe(1);

    await feed.resolveReport(admin, { targetType: 'post', targetId: id, resolution: 'hidden' });
    expect((await refusal(feed.getPost(reporter, id))).code).toBe('NOT_FOUND');
    expect((await feed.getPost(author, id)).hidden).toBe(true);
    expect((await feed.listModerationQueue(admin)).some((item) => item.targetId === id)).toBe(false);
  });
});
