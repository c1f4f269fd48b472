import 'server-only';

/** The media domain's public API: images for avatars and covers (more purposes to come). */
export { storeImage, getOwnedAsset, deleteImage, uploadLimits } from './service';
export { serveVariantRequest } from './serve-http';
export { imageUrl, imageUrls, imageSrcSet, mediaPurposes, variantNames, variantWidths, type MediaPurpose, type VariantName, type ImageUrls } from './client';
export type { MediaAssetDto, StoreImageInput } from './schemas';
export type { MediaStorage } from './storage';

/**
 * Loaded on first upload, so that scripts and service tests that only store images do not pull
 * in the sign-in and translation stack that the upload route needs.
 */
export async function handleUploadRequest(request: Request): Promise<Response> {
  return (await import('./upload-http')).handleUploadRequest(request);
}
export { getImageSizes, requireOwnImages } from './lookup';
export { registerImageUsage, sweepUnusedImages, type ImageUsageCheck } from './sweep';
