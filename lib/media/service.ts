import 'server-only';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { env } from '@/lib/core/env';
import { AppError } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { imageUrls, purposeAspect, variantNames, variantWidths, type MediaPurpose, type VariantName } from './client';
import * as assets from './db';
import { assetIdSchema, type MediaAssetDto, type StoreImageInput, type StoredVariant } from './schemas';
import { sniffImageType, type SniffedType } from './sniff';
import { mediaStorage } from './storage';

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

export const tooLarge = (maxBytes: number) => new AppError('INVALID', { key: 'media.tooLarge', values: { megabytes: megabytes(maxBytes) } });
const tooManyPixels = (maxPixels: number) =>
  new AppError('INVALID', { key: 'media.tooManyPixels', values: { megapixels: Math.round(maxPixels / 1_000_000) } });
const unreadable = () => new AppError('INVALID', 'media.unreadable');
const heicUnreadable = () => new AppError('INVALID', 'media.heic');
const mediaNotFound = () => new AppError('NOT_FOUND', 'media.notFound');

/** What sharp calls each format we accept. AVIF and HEIC are both HEIF containers (AV1 or HEVC inside). */
const sharpFormat: Partial<Record<SniffedType, string>> = { jpeg: 'jpeg', png: 'png', webp: 'webp', gif: 'gif', avif: 'heif', heic: 'heif' };
/** The codec inside a HEIF container that each type must carry, so an AVIF-branded HEVC file is not taken for AVIF. */
const heifCompression: Partial<Record<SniffedType, string>> = { avif: 'av1', heic: 'hevc' };

type FormatInfo = { input: { fileSuffix?: string[] } };

/**
 * Whether this libvips can decode HEVC, i.e. read HEIC photos. libvips lists `.heic` among the
 * HEIF loader's suffixes only when libheif has an HEVC decoder: sharp's prebuilt binaries carry
 * AV1 alone and list just `.avif`; a custom libvips built with libde265 lists `.heic` too. If
 * the list ever claimed more than the decoder delivers, decoding fails and the person still gets
 * the HEIC message (see renderVariants), never a vague one.
 */
export function canDecodeHeic(heif: FormatInfo | undefined = sharp.format.heif): boolean {
  return heif?.input.fileSuffix?.includes('.heic') ?? false;
}

function refuseByType(type: SniffedType): void {
  if (type === 'svg') throw new AppError('INVALID', 'media.svg');
  if (type === 'heic' && !canDecodeHeic()) throw heicUnreadable();
  if (!sharpFormat[type]) throw new AppError('INVALID', 'media.unsupported');
}

/** Width and height from the file's header only: no pixel is decoded here. */
async function readHeader(bytes: Uint8Array, type: SniffedType) {
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw unreadable();
    });
  const compression = heifCompression[type];
  const matches = metadata.format === sharpFormat[type] && (!compression || metadata.compression === compression);
  if (!matches || !metadata.width || !metadata.height) throw unreadable();
  // A GIF's first frame is what we keep; its height is one page, not the whole strip.
  return { width: metadata.width, height: metadata.pageHeight ?? metadata.height };
}

type Rendered = { name: VariantName; width: number; height: number; data: Buffer };

/**
 * Decodes once (first frame only, turned upright by its EXIF orientation, converted to sRGB),
 * crops to the purpose's shape at the largest width, then encodes every variant as WebP from
 * that. Nothing of the source's metadata is copied: no EXIF (so no GPS), no XMP, no ICC.
 */
async function renderVariants(bytes: Uint8Array, type: SniffedType, purpose: MediaPurpose, maxPixels: number): Promise<Rendered[]> {
  const widths = variantWidths[purpose];
  try {
    const source = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', autoOrient: true, pages: 1 }).timeout({ seconds: 60 });
    const upright = (await source.metadata()).autoOrient;
    const aspect = purposeAspect[purpose] ?? upright.width / upright.height;
    const width = Math.max(1, Math.min(widths.lg, upright.width, Math.floor(upright.height * aspect)));
    const height = Math.max(1, Math.round(width / aspect));
    const base = await source
      .resize(width, height, { fit: 'cover', position: 'centre' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels };
    return await Promise.all(
      variantNames.map(async (name) => {
        const variantWidth = Math.min(widths[name], raw.width);
        const variantHeight = Math.max(1, Math.round(variantWidth / aspect));
        const { data, info } = await sharp(base.data, { raw })
          .resize(variantWidth, variantHeight, { fit: 'fill' })
          .webp({ quality: 80, effort: 4 })
          .toBuffer({ resolveWithObject: true });
        return { name, width: info.width, height: info.height, data };
      }),
    );
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels(maxPixels);
    if (type === 'heic') throw heicUnreadable();
    // Anything libvips cannot decode (truncated, corrupt, lying header) is the file's fault.
    throw unreadable();
  }
}

const keyFor = (assetId: string, variant: VariantName) => `${assetId}/${variant}.webp`;

/** Every variant is stored, or none is: a failure part-way removes what was written. */
async function storeAll(assetId: string, rendered: Rendered[]): Promise<StoredVariant[]> {
  const storage = mediaStorage();
  try {
    for (const variant of rendered) await storage.put(keyFor(assetId, variant.name), variant.data, 'image/webp');
  } catch (error) {
    await Promise.all(rendered.map((variant) => storage.delete(keyFor(assetId, variant.name))));
    throw error;
  }
  return rendered.map(({ name, width, height, data }) => ({ name, width, height, bytes: data.byteLength, key: keyFor(assetId, name) }));
}

function toDto(record: assets.AssetRecord): MediaAssetDto {
  return {
    id: record.id,
    ownerId: record.ownerId,
    purpose: record.purpose as MediaPurpose,
    width: record.width,
    height: record.height,
    variants: record.variants.map(({ name, width, height }) => ({ name, width, height })),
    urls: imageUrls(record.id),
  };
}

/**
 * Checks an upload by its bytes (never its name or declared type), its size and its pixel
 * count, re-encodes it and stores it for the viewer. Refusals are AppErrors a person can read;
 * a refused or failed upload leaves no file and no row behind.
 */
export async function storeImage(viewer: Viewer, input: StoreImageInput): Promise<MediaAssetDto> {
  const { MEDIA_MAX_BYTES, MEDIA_MAX_PIXELS } = env();
  if (input.bytes.byteLength > MEDIA_MAX_BYTES) throw tooLarge(MEDIA_MAX_BYTES);
  if (input.bytes.byteLength === 0) throw new AppError('INVALID', 'media.empty');
  const type = sniffImageType(input.bytes);
  refuseByType(type);
  const header = await readHeader(input.bytes, type);
  if (header.width * header.height > MEDIA_MAX_PIXELS) throw tooManyPixels(MEDIA_MAX_PIXELS);

  const rendered = await renderVariants(input.bytes, type, input.purpose, MEDIA_MAX_PIXELS);
  const id = randomBytes(12).toString('hex');
  const variants = await storeAll(id, rendered);
  const largest = rendered[rendered.length - 1]!;
  try {
    return toDto(await assets.insertAsset({ id, ownerId: viewer.id, purpose: input.purpose, width: largest.width, height: largest.height, variants }));
  } catch (error) {
    await Promise.all(variants.map((variant) => mediaStorage().delete(variant.key)));
    throw error;
  }
}

/** The viewer's own asset of the given purpose; anyone else's is "not found", never "forbidden". */
export async function getOwnedAsset(viewer: Viewer, assetId: string, purpose: MediaPurpose): Promise<MediaAssetDto> {
  if (!assetIdSchema.safeParse(assetId).success) throw mediaNotFound();
  const record = await assets.findOwnedAsset(assetId, viewer.id);
  if (!record) throw mediaNotFound();
  if (record.purpose !== purpose) throw new AppError('INVALID', 'media.wrongPurpose');
  return toDto(record);
}

/** Removes the viewer's asset: the row first (so it stops being served), then its files. */
export async function deleteImage(viewer: Viewer, assetId: string): Promise<void> {
  if (!assetIdSchema.safeParse(assetId).success) throw mediaNotFound();
  const record = await assets.deleteOwnedAsset(assetId, viewer.id);
  if (!record) throw mediaNotFound();
  await Promise.all(record.variants.map((variant) => mediaStorage().delete(variant.key)));
}

/** The bytes of one variant for the public image route, or null when there is none. */
export async function readVariant(assetId: string, variant: VariantName): Promise<Uint8Array | null> {
  const record = await assets.unsafeFindAsset(assetId);
  const stored = record?.variants.find((candidate) => candidate.name === variant);
  return stored ? mediaStorage().get(stored.key) : null;
}

/** Limits the upload control can check before sending anything. */
export function uploadLimits(): { maxBytes: number } {
  return { maxBytes: env().MEDIA_MAX_BYTES };
}
