import 'server-only';
import { cache } from 'react';
import { auth } from './auth';
import { env } from './env';
import { AppError } from './errors';

/** Who is asking. Services take it first and ask their policy what it may do. */
export type Viewer = { kind: 'person'; id: string; handle: string; isAdmin: boolean };
/** For background jobs and start-up tasks that act on nobody's behalf. */
export type SystemViewer = { kind: 'system' };
export const systemViewer: SystemViewer = { kind: 'system' };

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
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
