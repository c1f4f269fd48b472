import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/core/db';
import { refusal } from '@/tests/support/refusal';
import type { Viewer } from '@/lib/core/session';
import { countMyUnread, listMyNotifications, markMyNotificationsRead } from '@/lib/notify';
import * as graph from './graph';
import { signUp } from './service';
import { befriend } from '@/tests/support/people';

let serial = 0;
async function person(name = 'Graph Person'): Promise<Viewer & { name: string }> {
  serial += 1;
  const handle = `g${Date.now().toString(36)}${serial}${Math.floor(Math.random() * 1e4)}`.slice(0, 30);
  const account = await signUp({ name, handle, email: `${handle}@example.test`, password: 'correct horse battery staple' });
  return { kind: 'person', id: account.id, handle: account.handle, isAdmin: false, name };
}


afterAll(async () => {
  await db().$disconnect();
});

describe('friend requests', () => {
  it('become a friendship both ways when accepted, and only the addressee can accept, once', async () => {
    const [a, b, c] = await Promise.all([person(), person(), person()]);
    expect(await graph.sendFriendRequest(a, b.handle)).toEqual({ status: 'requested' });
    const requestId = (await graph.listFriendRequests(b)).incoming[0]!.id;
    expect((await refusal(graph.acceptFriendRequest(c, requestId))).code).toBe('NOT_FOUND');
    expect((await refusal(graph.acceptFriendRequest(a, requestId))).code).toBe('NOT_FOUND');
    await graph.acceptFriendRequest(b, requestId);
    expect((await refusal(graph.acceptFriendRequest(b, requestId))).code).toBe('NOT_FOUND');
    expect((await graph.getProfile(a, b.handle)).relation.friend).toBe(true);
    expect((await graph.getProfile(b, a.handle)).relation.friend).toBe(true);
    expect((await graph.listFriends(a, { handle: a.handle })).people.map((p) => p.id)).toEqual([b.id]);
    expect((await refusal(graph.sendFriendRequest(a, b.handle))).messageRef).toBe('graph.alreadyFriends');
  });

  it('asking someone who already asked you makes you friends', async () => {
    const [a, b] = await Promise.all([person(), person()]);
    await graph.sendFriendRequest(a, b.handle);
    expect(await graph.sendFriendRequest(b, a.handle)).toEqual({ status: 'friends' });
    expect((await graph.getProfile(a, b.handle)).relation.friend).toBe(true);
  });

  it('can be declined or cancelled, and a second request is refused while one waits', async () => {
    const [a, b] = await Promise.all([person(), person()]);
    await graph.sendFriendRequest(a, b.handle);
    expect((await refusal(graph.sendFriendRequest(a, b.handle))).messageRef).toBe('graph.alreadyRequested');
    const { outgoing } = await graph.listFriendRequests(a);
    await graph.cancelFriendRequest(a, outgoing[0]!.id);
    expect((await graph.listFriendRequests(b)).incoming).toEqual([]);
    await graph.sendFriendRequest(a, b.handle);
    await graph.declineFriendRequest(b, (await graph.listFriendRequests(b)).incoming[0]!.id);
    expect((await graph.getProfile(a, b.handle)).relation).toMatchObject({ friend: false, outgoingRequestId: null });
  });

  it('follow the addressee\'s setting: nobody, or only friends of friends', async () => {
    const [a, b, mutual, stranger] = await Promise.all([person(), person(), person(), person()]);
    await graph.updatePrivacy(b, { friendsVisibility: 'EVERYONE', friendRequestsFrom: 'NOBODY' });
    expect((await refusal(graph.sendFriendRequest(a, b.handle))).code).toBe('FORBIDDEN');
    await graph.updatePrivacy(b, { friendsVisibility: 'EVERYONE', friendRequestsFrom: 'FRIENDS_OF_FRIENDS' });
    expect((await refusal(graph.sendFriendRequest(stranger, b.handle))).messageRef).toBe('graph.requestsClosed');
    await befriend(a, mutual);
    await befriend(b, mutual);
    expect(await graph.sendFriendRequest(a, b.handle)).toEqual({ status: 'requested' });
  });

  it('notify the addressee, who can mark it read', async () => {
    const [a, b] = await Promise.all([person(), person()]);
    await graph.sendFriendRequest(a, b.handle);
    expect(await countMyUnread(b)).toBe(1);
    const { items } = await listMyNotifications(b);
    expect(items[0]).toMatchObject({ kind: 'friend.request', actorId: a.id, read: false });
    await markMyNotificationsRead(a, [items[0]!.id]); // someone else's: changes nothing
    expect(await countMyUnread(b)).toBe(1);
    await markMyNotificationsRead(b);
    expect(await countMyUnread(b)).toBe(0);
  });
});

describe('blocking', () => {
  it('hides the blocker completely: profile, search, requests and follows answer as for nobody', async () => {
    const [a, b] = await Promise.all([person('Blocky Person'), person()]);
    await befriend(a, b);
    await graph.follow(b, a.handle);
    await graph.follow(a, b.handle);
    await graph.block(a, b.handle);

    const missing = await refusal(graph.getProfile(b, 'nosuchhandle123'));
    const hidden = await refusal(graph.getProfile(b, a.handle));
    expect({ code: hidden.code, message: hidden.messageRef }).toEqual({ code: missing.code, message: missing.messageRef });
    expect((await graph.searchPeople(b, a.handle)).map((p) => p.id)).not.toContain(a.id);
    expect((await graph.searchPeople(a, b.handle)).map((p) => p.id)).not.toContain(b.id);
    expect((await refusal(graph.sendFriendRequest(b, a.handle))).code).toBe('NOT_FOUND');
    expect((await refusal(graph.follow(b, a.handle))).code).toBe('NOT_FOUND');
    expect(await graph.isBlockedBetween(a.id, b.id)).toBe(true);
    expect(await graph.isBlockedBetween(b.id, a.id)).toBe(true);
    expect((await graph.getPeopleSummaries(b, [a.id])).size).toBe(0);

    // Friendship and follows ended both ways.
    const profile = await graph.getProfile(a, b.handle);
    expect(profile.relation).toMatchObject({ friend: false, following: false, followsYou: false, blockedByMe: true });
    expect((await graph.listBlocked(a)).map((p) => p.id)).toEqual([b.id]);
  });

  it('unblocking restores visibility but not the old friendship or follows', async () => {
    const [a, b] = await Promise.all([person(), person()]);
    await befriend(a, b);
    await graph.follow(b, a.handle);
    await graph.block(a, b.handle);
    await graph.unblock(a, b.handle);
    const profile = await graph.getProfile(b, a.handle);
    expect(profile.relation).toMatchObject({ friend: false, following: false, canRequest: true });
    expect(profile.counts.followers).toBe(0);
    expect(await graph.isBlockedBetween(a.id, b.id)).toBe(false);
  });
});

describe('privacy of the friends list', () => {
  it('is enforced by the service: a direct request for a hidden list returns nothing', async () => {
    const [owner, friend, stranger] = await Promise.all([person(), person(), person()]);
    await befriend(owner, friend);
    await graph.updatePrivacy(owner, { friendsVisibility: 'ONLY_ME', friendRequestsFrom: 'EVERYONE' });
    expect(await graph.listFriends(stranger, { handle: owner.handle })).toEqual({ visible: false, people: [], next: null });
    expect(await graph.listFriends(friend, { handle: owner.handle })).toEqual({ visible: false, people: [], next: null });
    expect((await graph.getProfile(stranger, owner.handle)).counts.friends).toBeNull();
    expect((await graph.listFriends(owner, { handle: owner.handle })).people).toHaveLength(1);

    await graph.updatePrivacy(owner, { friendsVisibility: 'FRIENDS', friendRequestsFrom: 'EVERYONE' });
    expect((await graph.listFriends(friend, { handle: owner.handle })).people.map((p) => p.id)).toEqual([friend.id]);
    expect((await graph.listFriends(stranger, { handle: owner.handle })).visible).toBe(false);
  });
});

describe('finding people', () => {
  it('matches part of a name in any script, part of a handle, and suggests friends of friends', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const [seeker, chinese, latin] = await Promise.all([person(), person(`李梅${suffix}`), person(`Ana Souza${suffix}`)]);
    expect((await graph.searchPeople(seeker, `梅${suffix}`)).map((p) => p.id)).toContain(chinese.id);
    expect((await graph.searchPeople(seeker, `souza${suffix}`)).map((p) => p.id)).toContain(latin.id);
    expect((await graph.searchPeople(seeker, latin.handle.slice(0, -2))).map((p) => p.id)).toContain(latin.id);

    await befriend(seeker, chinese);
    await befriend(chinese, latin);
    const suggestions = await graph.peopleYouMayKnow(seeker);
    expect(suggestions.map((p) => p.id)).toEqual([latin.id]);
    expect(suggestions[0]!.mutual).toBe(1);
  });
});

describe('long friends lists', () => {
  it('page by name with a cursor, without repeating or skipping anyone', async () => {
    const owner = await person();
    const stamp = Date.now().toString(36);
    const friends = Array.from({ length: 57 }, (_, index) => ({ id: `pg${stamp}${index}`, handle: `pg${stamp}${index}`, email: `pg${stamp}${index}@example.test`, name: `Friend ${String(index).padStart(2, '0')}` }));
    await db().user.createMany({ data: friends });
    await db().friendship.createMany({ data: friends.flatMap((friend) => [{ userId: owner.id, friendId: friend.id }, { userId: friend.id, friendId: owner.id }]) });

    const first = await graph.listFriends(owner, { handle: owner.handle });
    expect(first.people).toHaveLength(50);
    expect(first.next).not.toBeNull();
    const second = await graph.listFriends(owner, { handle: owner.handle, after: first.next! });
    expect(second.next).toBeNull();
    const names = [...first.people, ...second.people].map((p) => p.name);
    expect(names).toEqual(friends.map((friend) => friend.name));
  });
});
