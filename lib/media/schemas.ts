import { z } from 'zod';
import { mediaPurposes, variantNames, type ImageUrls, type MediaPurpose, type VariantName } from './client';

/** Asset ids are ours (random lowercase hex) or Prisma cuids: short, lowercase, alphanumeric. */
export const assetIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, 'media.notFound');
export const purposeSchema = z.enum(mediaPurposes, 'media.purpose');
export const variantNameSchema = z.enum(variantNames);

export const variantParamsSchema = z.object({ id: assetIdSchema, variant: variantNameSchema });

/** The multipart form of POST /api/media/upload. */
export const uploadFormSchema = z.object({
  purpose: purposeSchema,
  file: z.custom<Blob>((value) => value instanceof Blob, 'media.fileRequired'),
});

export type StoreImageInput = { bytes: Uint8Array; purpose: MediaPurpose };

/** One stored rendition, as kept in MediaAsset.variants. */
export const storedVariantSchema = z.object({
  name: variantNameSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  key: z.string().min(1),
});
export type StoredVariant = z.output<typeof storedVariantSchema>;
export const storedVariantsSchema = z.array(storedVariantSchema);

export type MediaAssetDto = {
  id: string;
  ownerId: string;
  purpose: MediaPurpose;
  width: number;
  height: number;
  variants: { name: VariantName; width: number; height: number }[];
  urls: ImageUrls;
};
