import 'server-only';
import { cache } from 'react';
import { findSessionPerson } from '@/lib/account';
import { auth, type PendingIdentity } from './auth';
import { now } from './clock';
import { AppError } from './errors';
import type { Viewer } from './viewer';

export type { SystemViewer, Viewer } from './viewer';
export { systemViewer } from './viewer';

/**
 * The signed-in person, checked against their session row once per request: a token whose
 * session was ended (sign out elsewhere, a password reset) signs nobody in, however long the
 * token itself would still be valid. Handle and admin role come from the database, not the token.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  // Someone still choosing a handle after signing in elsewhere is nobody here yet.
  if (!session || 'pending' in session) return null;
  const sessionId = (session as { sessionId?: string }).sessionId;
  if (!session.user?.id || !sessionId) return null;
  const person = await findSessionPerson(sessionId);
  if (!person || person.id !== session.user.id) return null;
  return { kind: 'person', id: person.id, handle: person.handle, isAdmin: person.isAdmin, sessionId };
});

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError('FORBIDDEN', 'signInRequired');
  return viewer;
}

export type { PendingIdentity };

/**
 * The identity of someone who signed in with another provider and has no account yet; null for
 * everyone else, and once the half-finished sign-up has expired.
 */
export const getPendingIdentity = cache(async (): Promise<PendingIdentity | null> => {
  const session = await auth();
  const pending = (session as { pending?: PendingIdentity } | null)?.pending;
  if (!pending || pending.expiresAt < now().getTime()) return null;
  return pending;
});

/** How fresh a sign-in must be to stand in for a password the account does not have. */
export const recentSignInWindowMs = 10 * 60 * 1000;

/**
 * Whether the viewer signed in (not merely kept a session alive) within `withinMs`: the proof
 * asked of accounts without a password before a sensitive action.
 */
export async function signedInRecently(withinMs: number = recentSignInWindowMs): Promise<boolean> {
  const session = await auth();
  const at = (session as { signedInAt?: number } | null)?.signedInAt;
  return typeof at === 'number' && now().getTime() - at <= withinMs;
}
