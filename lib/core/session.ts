import 'server-only';
import { cache } from 'react';
import { auth, type PendingIdentity } from './auth';
import { now } from './clock';
import { env } from './env';
import { AppError } from './errors';

/** Who is asking. Services take it first and ask their policy what it may do. */
export type Viewer = { kind: 'person'; id: string; handle: string; isAdmin: boolean };
/** For background jobs and start-up tasks that act on nobody's behalf. */
export type SystemViewer = { kind: 'system' };
export const systemViewer: SystemViewer = { kind: 'system' };

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  // Someone still choosing a handle after signing in elsewhere is nobody here yet.
  if (session && 'pending' in session) return null;
  const id = session?.user?.id;
  const handle = (session?.user as { handle?: string } | undefined)?.handle;
  if (!id || !handle) return null;
  return { kind: 'person', id, handle, isAdmin: env().PLAZA_ADMINS.includes(handle) };
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

/**
 * Whether the viewer signed in (not merely kept a session alive) within `withinMs`: the proof
 * asked of accounts without a password before a sensitive action.
 */
export async function signedInRecently(withinMs: number): Promise<boolean> {
  const session = await auth();
  const at = (session as { signedInAt?: number } | null)?.signedInAt;
  return typeof at === 'number' && Date.now() - at <= withinMs;
}
