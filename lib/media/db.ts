import 'server-only';
import { db, Prisma } from '@/lib/core/db';
import type { MediaPurpose } from './client';
import { storedVariantsSchema, type StoredVariant } from './schemas';

/** The only Prisma access for MediaAsset. Rows leave as plain records with parsed variants. */
const assetSelect = { id: true, ownerId: true, purpose: true, width: true, height: true, variants: true } as const;

export type AssetRecord = { id: string; ownerId: string; purpose: string; width: number; height: number; variants: StoredVariant[] };

function toRecord(row: { id: string; ownerId: string; purpose: string; width: number; height: number; variants: unknown }): AssetRecord {
  return { ...row, variants: storedVariantsSchema.parse(row.variants) };
}

export async function insertAsset(data: { id: string; ownerId: string; purpose: MediaPurpose; width: number; height: number; variants: StoredVariant[] }): Promise<AssetRecord> {
  return toRecord(await db().mediaAsset.create({ data, select: assetSelect }));
}

/**
 * Unscoped on purpose: the image route reads the asset's purpose here first, then asks the
 * domain that shows it whether the viewer may see it (serve-http.ts, ADR 009).
 */
export async function unsafeFindAsset(id: string): Promise<AssetRecord | null> {
  const row = await db().mediaAsset.findUnique({ where: { id }, select: assetSelect });
  return row ? toRecord(row) : null;
}

export async function findOwnedAsset(id: string, ownerId: string): Promise<AssetRecord | null> {
  const row = await db().mediaAsset.findFirst({ where: { id, ownerId }, select: assetSelect });
  return row ? toRecord(row) : null;
}

/** Deletes the matching row, returning it so its files can go too; null when there was none. */
async function deleteAssetWhere(where: Prisma.MediaAssetWhereUniqueInput): Promise<AssetRecord | null> {
  try {
    return toRecord(await db().mediaAsset.delete({ where, select: assetSelect }));
  } catch (error) {
    // P2025: no such row (already gone, or someone else's).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
    throw error;
  }
}

export function deleteOwnedAsset(id: string, ownerId: string): Promise<AssetRecord | null> {
  return deleteAssetWhere({ id, ownerId });
}

/** Sizes of many assets in one query, for laying out photo grids. */
export async function findAssetSizes(ids: string[]): Promise<{ id: string; width: number; height: number }[]> {
  return ids.length === 0 ? [] : db().mediaAsset.findMany({ where: { id: { in: ids } }, select: { id: true, width: true, height: true } });
}

export async function findOwnedAssetsOfPurpose(ids: string[], ownerId: string, purpose: MediaPurpose): Promise<{ id: string }[]> {
  return ids.length === 0 ? [] : db().mediaAsset.findMany({ where: { id: { in: ids }, ownerId, purpose }, select: { id: true } });
}

/** A page of a purpose's assets older than `before`, in id order (for the unused-image sweep). */
export async function findAssetsUploadedBefore(
  filter: { purpose: MediaPurpose; before: Date; ownerId?: string },
  afterId: string | undefined,
  take: number,
): Promise<{ id: string }[]> {
  return db().mediaAsset.findMany({
    where: { purpose: filter.purpose, createdAt: { lt: filter.before }, ...(filter.ownerId ? { ownerId: filter.ownerId } : {}), ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: 'asc' },
    take,
    select: { id: true },
  });
}

/** Unscoped on purpose: only the sweep calls it, for images no domain uses any more. */
export function unsafeDeleteAsset(id: string): Promise<AssetRecord | null> {
  return deleteAssetWhere({ id });
}

/** The purpose of each of these assets that still exists (for releasing them). */
export async function findAssetPurposes(ids: string[]): Promise<{ id: string; purpose: string }[]> {
  return ids.length === 0 ? [] : db().mediaAsset.findMany({ where: { id: { in: ids } }, select: { id: true, purpose: true } });
}
