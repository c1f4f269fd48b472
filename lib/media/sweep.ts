import 'server-only';
import * as assets from './db';
import type { MediaPurpose } from './client';
import { mediaStorage } from './storage';

/**
 * Uploads that never got used (a photo removed from a post before posting, an avatar chosen and
 * then abandoned) would stay forever. Each domain that puts images to use says which of a batch
 * of ids it still uses; the sweep removes the rest once they are old enough that nobody is
 * still composing with them. A purpose nobody registered for is never swept.
 */
export type ImageUsageCheck = (assetIds: string[]) => Promise<Set<string>>;

const checks = new Map<MediaPurpose, ImageUsageCheck>();

export function registerImageUsage(purposes: MediaPurpose[], check: ImageUsageCheck): void {
  for (const purpose of purposes) checks.set(purpose, check);
}

const batchSize = 500;

/**
 * Removes unused images uploaded before `uploadedBefore` (only `ownerId`'s, when given);
 * returns how many went.
 */
export async function sweepUnusedImages(uploadedBefore: Date, options: { ownerId?: string } = {}): Promise<number> {
  let removed = 0;
  for (const [purpose, check] of checks) {
    let afterId: string | undefined;
    for (;;) {
      const batch = await assets.findAssetsUploadedBefore({ purpose, before: uploadedBefore, ownerId: options.ownerId }, afterId, batchSize);
      if (batch.length === 0) break;
      const used = await check(batch.map((asset) => asset.id));
      for (const asset of batch) {
        if (used.has(asset.id)) continue;
        // The row first, so the image stops being served before its files go.
        const deleted = await assets.unsafeDeleteAsset(asset.id);
        if (!deleted) continue;
        await Promise.all(deleted.variants.map((variant) => mediaStorage().delete(variant.key)));
        removed += 1;
      }
      afterId = batch[batch.length - 1]!.id;
    }
  }
  return removed;
}
