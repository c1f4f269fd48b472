import 'server-only';
import { AppError, notFound } from '@/lib/core/errors';
import type { SystemViewer, Viewer } from '@/lib/core/viewer';
import * as accounts from './db';
import { mayGrantAdmin } from './policy';

/**
 * The admin role lives on the account and changes only here, asked by the operator's command
 * (`npm run admin -- grant|revoke <handle>`) or the demo seed: no handle, sign-up or setting
 * makes anyone an admin.
 */
export async function setAdminRole(viewer: Viewer | SystemViewer, handle: string, isAdmin: boolean): Promise<{ handle: string; isAdmin: boolean }> {
  if (!mayGrantAdmin(viewer)) throw new AppError('FORBIDDEN', 'forbidden');
  const updated = await accounts.updateAdminRole(handle.trim().toLowerCase().replace(/^@/, ''), isAdmin);
  if (!updated) throw notFound();
  return updated;
}

export async function listAdmins(viewer: Viewer | SystemViewer): Promise<string[]> {
  if (!mayGrantAdmin(viewer)) throw new AppError('FORBIDDEN', 'forbidden');
  return accounts.findAdminHandles();
}
