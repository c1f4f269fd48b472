import 'server-only';
import { AppError } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import type { MediaPurpose } from './client';
import * as assets from './db';

/**
 * Width and height of each asset that exists, by id: callers pass only ids they already decided
 * the viewer may see (the image route asks their policy again for the bytes).
 */
export async function getImageSizes(ids: string[]): Promise<Map<string, { width: number; height: number }>> {
  const rows = await assets.findAssetSizes([...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { width: row.width, height: row.height }]));
}

/** Refuses unless every id is an image the viewer uploaded for this purpose. */
export async function requireOwnImages(viewer: Viewer, ids: string[], purpose: MediaPurpose): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length) throw new AppError('INVALID', 'media.duplicate');
  const owned = await assets.findOwnedAssetsOfPurpose(unique, viewer.id, purpose);
  if (owned.length !== unique.length) throw new AppError('INVALID', 'media.notFound');
}
