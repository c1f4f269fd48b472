import type { Viewer } from '@/lib/core/session';

/** Who may do what with accounts. Foundation has only "your own account is yours". */
export function canEditAccount(viewer: Viewer, accountId: string): boolean {
  return viewer.id === accountId;
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
