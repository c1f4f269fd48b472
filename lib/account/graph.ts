import 'server-only';
import { AppError, notFound } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { send as notify } from '@/lib/notify';
import * as accounts from './db';
import type { PersonSummary, PrivacyInput, ProfileView, Relation } from './graph-schemas';
import { canSeeFriendsList, mayRequestFriendship } from './policy';

/**
 * The social graph: profiles, friends, follows and blocks. Every read and write starts from the
 * viewer; a person who blocked the viewer is indistinguishable from one who does not exist.
 */

/** The one rule every domain uses for blocks. */
export async function isBlockedBetween(a: string, b: string): Promise<boolean> {
  return accounts.blockExistsBetween(a, b);
}

/** Finds `handle` as the viewer may see them; NOT_FOUND when absent or when they blocked the viewer. */
async function visiblePerson(viewer: Viewer, handle: string) {
  const person = await accounts.findPersonByHandle(handle);
  if (!person) throw notFound();
  if (person.id !== viewer.id && (await accounts.findBlock(person.id, viewer.id))) throw notFound();
  return person;
}

/** Like visiblePerson, but also refuses people the viewer blocked (no interaction either way). */
async function reachablePerson(viewer: Viewer, handle: string) {
  const person = await visiblePerson(viewer, handle);
  if (person.id === viewer.id) throw new AppError('INVALID', 'graph.notYourself');
  if (await accounts.findBlock(viewer.id, person.id)) throw new AppError('FORBIDDEN', 'graph.youBlocked');
  return person;
}

async function relationTo(viewer: Viewer, person: { id: string; friendRequestsFrom: PrivacyInput['friendRequestsFrom'] }): Promise<Relation> {
  if (person.id === viewer.id) {
    return { self: true, friend: false, outgoingRequestId: null, incomingRequestId: null, following: false, followsYou: false, blockedByMe: false, canRequest: false };
  }
  const relation = await accounts.relationBetween(viewer.id, person.id);
  const canRequest =
    !relation.friend && !relation.blockedByMe && !relation.outgoingRequestId &&
    (relation.incomingRequestId !== null ||
      mayRequestFriendship(person.friendRequestsFrom, {
        haveMutualFriend: person.friendRequestsFrom === 'FRIENDS_OF_FRIENDS' && (await accounts.haveMutualFriend(viewer.id, person.id)),
      }));
  return { self: false, ...relation, canRequest };
}

export async function getProfile(viewer: Viewer, handle: string): Promise<ProfileView> {
  const person = await visiblePerson(viewer, handle);
  const [relation, counts] = await Promise.all([relationTo(viewer, person), accounts.countGraph(person.id)]);
  const friendsVisible = canSeeFriendsList(person.friendsVisibility, { isSelf: relation.self, isFriend: relation.friend });
  return {
    id: person.id,
    handle: person.handle,
    name: person.name,
    avatarId: person.avatarId,
    bio: person.bio,
    location: person.location,
    coverId: person.coverId,
    counts: { friends: friendsVisible ? counts.friends : null, followers: counts.followers, following: counts.following },
    friendsVisible,
    relation,
  };
}

/**
 * A person's friends as the viewer may see them. A hidden list answers with nothing at all,
 * whatever is asked directly.
 */
export async function listFriends(viewer: Viewer, input: { handle: string; query?: string; after?: { name: string; id: string } }) {
  const person = await visiblePerson(viewer, input.handle);
  const isSelf = person.id === viewer.id;
  const isFriend = !isSelf && (await accounts.areFriends(viewer.id, person.id));
  if (!canSeeFriendsList(person.friendsVisibility, { isSelf, isFriend })) return { visible: false, people: [] as PersonSummary[], next: null };
  const take = 50;
  const rows = await accounts.listFriendsOf(person.id, viewer.id, { query: input.query || undefined, after: input.after, take: take + 1 });
  const people = rows.slice(0, take);
  const last = people.at(-1);
  return { visible: true, people, next: rows.length > take && last ? { name: last.name, id: last.id } : null };
}

export async function sendFriendRequest(viewer: Viewer, handle: string): Promise<{ status: 'requested' | 'friends' }> {
  const person = await reachablePerson(viewer, handle);
  const relation = await relationTo(viewer, person);
  if (relation.friend) throw new AppError('CONFLICT', 'graph.alreadyFriends');
  // They asked first: asking back is accepting.
  if (relation.incomingRequestId) {
    await acceptFriendRequest(viewer, relation.incomingRequestId);
    return { status: 'friends' };
  }
  if (relation.outgoingRequestId) throw new AppError('CONFLICT', 'graph.alreadyRequested');
  if (!relation.canRequest) throw new AppError('FORBIDDEN', 'graph.requestsClosed');
  const created = await accounts.insertFriendRequest(viewer.id, person.id);
  if (!created) throw new AppError('CONFLICT', 'graph.alreadyRequested');
  await notify(person.id, 'friend.request', { actorId: viewer.id, data: { requestId: created.id } });
  return { status: 'requested' };
}

export async function acceptFriendRequest(viewer: Viewer, requestId: string): Promise<{ friendId: string }> {
  const accepted = await accounts.acceptRequestAsAddressee(requestId, viewer.id);
  if (!accepted) throw notFound();
  await notify(accepted.fromId, 'friend.accepted', { actorId: viewer.id });
  return { friendId: accepted.fromId };
}

export async function declineFriendRequest(viewer: Viewer, requestId: string): Promise<void> {
  if ((await accounts.deleteRequest({ id: requestId, toId: viewer.id })) === 0) throw notFound();
}

export async function cancelFriendRequest(viewer: Viewer, requestId: string): Promise<void> {
  if ((await accounts.deleteRequest({ id: requestId, fromId: viewer.id })) === 0) throw notFound();
}

export async function unfriend(viewer: Viewer, handle: string): Promise<void> {
  const person = await visiblePerson(viewer, handle);
  await accounts.deleteFriendship(viewer.id, person.id);
}

export async function follow(viewer: Viewer, handle: string): Promise<void> {
  const person = await reachablePerson(viewer, handle);
  if (await accounts.insertFollow(viewer.id, person.id)) {
    await notify(person.id, 'follow.new', { actorId: viewer.id });
  }
}

export async function unfollow(viewer: Viewer, handle: string): Promise<void> {
  const person = await visiblePerson(viewer, handle);
  await accounts.deleteFollow(viewer.id, person.id);
}

/** Blocking ends friendship, requests and follows both ways; unblocking restores none of them. */
export async function block(viewer: Viewer, handle: string): Promise<void> {
  const person = await accounts.findPersonByHandle(handle);
  if (!person) throw notFound();
  if (person.id === viewer.id) throw new AppError('INVALID', 'graph.notYourself');
  await accounts.insertBlockEndingTies(viewer.id, person.id);
}

export async function unblock(viewer: Viewer, handle: string): Promise<void> {
  const person = await accounts.findPersonByHandle(handle);
  if (!person || (await accounts.deleteBlock(viewer.id, person.id)) === 0) throw notFound();
}

export async function listBlocked(viewer: Viewer): Promise<PersonSummary[]> {
  return accounts.listBlockedPeople(viewer.id);
}

export async function listFriendRequests(viewer: Viewer) {
  const [incoming, outgoing] = await Promise.all([accounts.listRequests('incoming', viewer.id), accounts.listRequests('outgoing', viewer.id)]);
  return { incoming, outgoing };
}

export async function peopleYouMayKnow(viewer: Viewer, take = 10) {
  return accounts.findFriendsOfFriends(viewer.id, take);
}

export async function searchPeople(viewer: Viewer, query: string): Promise<PersonSummary[]> {
  return accounts.searchPeople(viewer.id, query, 20);
}

/** At most this many people per read: enough for the largest group chat (500) and its red packets. */
const summariesPerRead = 500;

/** Names and avatars for ids other domains hold (notifications, chats); blocked people are left out. */
export async function getPeopleSummaries(viewer: Viewer, ids: string[]): Promise<Map<string, PersonSummary>> {
  const people = await accounts.findVisiblePeopleByIds(viewer.id, [...new Set(ids)].slice(0, summariesPerRead));
  return new Map(people.map((person) => [person.id, person]));
}

/** People named by handle (mentions, profile timelines), keyed by handle; blocked people are left out. */
export async function resolveHandles(viewer: Viewer, handles: string[]): Promise<Map<string, PersonSummary>> {
  const people = await accounts.findVisiblePeopleByHandles(viewer.id, [...new Set(handles.map((handle) => handle.toLowerCase()))].slice(0, 200));
  return new Map(people.map((person) => [person.handle, person]));
}

export async function getPrivacy(viewer: Viewer) {
  const privacy = await accounts.findPrivacy(viewer.id);
  if (!privacy) throw notFound();
  return privacy;
}

export async function updatePrivacy(viewer: Viewer, input: PrivacyInput) {
  return accounts.updatePrivacy(viewer.id, input);
}
