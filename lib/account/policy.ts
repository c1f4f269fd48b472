import type { SystemViewer, Viewer } from '@/lib/core/viewer';

/** Who may do what with accounts. Foundation has only "your own account is yours". */
export function canEditAccount(viewer: Viewer, accountId: string): boolean {
  return viewer.id === accountId;
}

/** Only the operator's command (a system viewer) hands out the admin role; no person can, not even an admin. */
export function mayGrantAdmin(viewer: Viewer | SystemViewer): boolean {
  return viewer.kind === 'system';
}

/** Handles that would collide with routes or impersonate the service. */
const reservedHandles = new Set([
  'admin', 'administrator', 'api', 'app', 'book', 'chats', 'discover', 'events', 'feed', 'help',
  'login', 'logout', 'market', 'me', 'moderator', 'notifications', 'pages', 'plaza', 'root',
  'settings', 'signin', 'signup', 'staff', 'support', 'system', 'wallet', 'watch',
]);

export function isReservedHandle(handle: string): boolean {
  return reservedHandles.has(handle);
}

export type FriendsVisibility = 'EVERYONE' | 'FRIENDS' | 'ONLY_ME';
export type FriendRequestPolicy = 'EVERYONE' | 'FRIENDS_OF_FRIENDS' | 'NOBODY';

/** The owner's privacy setting decides who sees their friends list. */
export function canSeeFriendsList(visibility: FriendsVisibility, relation: { isSelf: boolean; isFriend: boolean }): boolean {
  if (relation.isSelf) return true;
  if (visibility === 'EVERYONE') return true;
  return visibility === 'FRIENDS' && relation.isFriend;
}

/** The addressee's setting decides who may ask them to be friends. */
export function mayRequestFriendship(policy: FriendRequestPolicy, relation: { haveMutualFriend: boolean }): boolean {
  if (policy === 'EVERYONE') return true;
  return policy === 'FRIENDS_OF_FRIENDS' && relation.haveMutualFriend;
}

/** A person's own realtime user channel (their inbox and online signal) is theirs alone. */
export function mayListenOnUserChannel(viewer: Viewer, channel: { access: string; id: string }): boolean {
  return channel.access === 'private' && channel.id === viewer.id;
}
