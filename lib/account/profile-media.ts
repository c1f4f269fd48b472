import 'server-only';
import { AppError, notFound } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { deleteImage, getOwnedAsset, type ImageUrls } from '@/lib/media';
import * as accounts from './db';
import { canEditAccount } from './policy';

/** A person's avatar and cover: MediaAssets they uploaded, chosen here. */
export type ProfileImageKind = 'avatar' | 'cover';
export type ProfileMediaDto = { name: string; handle: string; avatarId: string | null; coverId: string | null };

export async function getProfileMedia(viewer: Viewer): Promise<ProfileMediaDto> {
  const media = await accounts.findProfileMedia(viewer.id);
  if (!media) throw notFound();
  return media;
}

/** The replaced image is no longer shown anywhere, so its files go too. */
async function deleteReplaced(viewer: Viewer, previous: string | null, current: string | null): Promise<void> {
  if (!previous || previous === current) return;
  try {
    await deleteImage(viewer, previous);
  } catch (error) {
    // Already gone (deleted elsewhere): nothing left to clean up.
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
  }
}

async function setProfileImage(viewer: Viewer, kind: ProfileImageKind, assetId: string): Promise<{ assetId: string; urls: ImageUrls }> {
  if (!canEditAccount(viewer, viewer.id)) throw new AppError('FORBIDDEN', 'forbidden');
  // Media decides: the asset must be the viewer's own and uploaded for this very purpose.
  const asset = await getOwnedAsset(viewer, assetId, kind);
  const previous = await accounts.replaceProfileImage(viewer.id, kind, asset.id);
  await deleteReplaced(viewer, previous, asset.id);
  return { assetId: asset.id, urls: asset.urls };
}

async function removeProfileImage(viewer: Viewer, kind: ProfileImageKind): Promise<{ removed: boolean }> {
  if (!canEditAccount(viewer, viewer.id)) throw new AppError('FORBIDDEN', 'forbidden');
  const previous = await accounts.replaceProfileImage(viewer.id, kind, null);
  await deleteReplaced(viewer, previous, null);
  return { removed: previous !== null };
}

export const setAvatar = (viewer: Viewer, assetId: string) => setProfileImage(viewer, 'avatar', assetId);
export const setCover = (viewer: Viewer, assetId: string) => setProfileImage(viewer, 'cover', assetId);
export const removeAvatar = (viewer: Viewer) => removeProfileImage(viewer, 'avatar');
export const removeCover = (viewer: Viewer) => removeProfileImage(viewer, 'cover');
