import type { SystemViewer, Viewer } from './session';

/** What only accounts holding the admin role (`npm run admin -- grant`) may see. Everyone else is told it does not exist. */
export function canUseAdmin(viewer: Viewer | SystemViewer | null): boolean {
  return viewer?.kind === 'person' && viewer.isAdmin;
}

/** Stored mail holds other people's reset and verification links. */
export function canReadOutgoingMail(viewer: Viewer | null): boolean {
  return canUseAdmin(viewer);
}
