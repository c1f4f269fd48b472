import 'server-only';

/** The media domain's public API: images for avatars and covers (more purposes to come). */
export { storeImage, getOwnedAsset, deleteImage, uploadLimits } from './service';
export { handleUploadRequest, serveVariantRequest } from './http';
export { imageUrl, imageUrls, mediaPurposes, variantNames, variantWidths, type MediaPurpose, type VariantName, type ImageUrls } from './client';
export type { MediaAssetDto, StoreImageInput } from './schemas';
export type { MediaStorage } from './storage';
