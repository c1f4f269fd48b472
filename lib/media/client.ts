/**
 * What browser code may know about media: the variant names, their URLs and the generated
 * initial avatar. Nothing here touches the server, the database or sharp.
 */
export const mediaPurposes = ['avatar', 'cover', 'post', 'chat'] as const;
export type MediaPurpose = (typeof mediaPurposes)[number];

export const variantNames = ['sm', 'md', 'lg'] as const;
export type VariantName = (typeof variantNames)[number];

/**
 * Target widths per purpose. Avatars are square crops; covers are cropped to 3:1 so a profile
 * header keeps one shape whatever was uploaded. A smaller source is never enlarged, so a
 * variant may be narrower than its target. Post and chat photos keep their own shape.
 */
export const variantWidths: Record<MediaPurpose, Record<VariantName, number>> = {
  avatar: { sm: 96, md: 320, lg: 640 },
  cover: { sm: 640, md: 1280, lg: 1920 },
  post: { sm: 360, md: 720, lg: 1440 },
  chat: { sm: 360, md: 720, lg: 1440 },
};
/** Width divided by height of every variant of a purpose; null keeps the photo's own shape. */
export const purposeAspect: Record<MediaPurpose, number | null> = { avatar: 1, cover: 3, post: null, chat: null };

/** Formats an upload may be in (checked on the server by magic bytes, not by this list). */
export const acceptedImageTypes = 'image/jpeg,image/png,image/webp,image/gif,image/avif';

export function imageUrl(assetId: string, variant: VariantName): string {
  return `/api/media/${encodeURIComponent(assetId)}/${variant}`;
}

export type ImageUrls = Record<VariantName, string>;

export function imageUrls(assetId: string): ImageUrls {
  return { sm: imageUrl(assetId, 'sm'), md: imageUrl(assetId, 'md'), lg: imageUrl(assetId, 'lg') };
}

/**
 * A `srcset` for an image's variants, by their target widths. A variant of a small source is
 * narrower than its target; the browser then picks a slightly soft image, never a broken one.
 */
export function imageSrcSet(assetId: string, purpose: MediaPurpose): string {
  return variantNames.map((variant) => `${imageUrl(assetId, variant)} ${variantWidths[purpose][variant]}w`).join(', ');
}

/** The smallest avatar variant that stays sharp at `size` CSS pixels on a high-density screen. */
export function avatarVariantFor(size: number): VariantName {
  const devicePixels = size * 2;
  if (devicePixels <= variantWidths.avatar.sm) return 'sm';
  return devicePixels <= variantWidths.avatar.md ? 'md' : 'lg';
}

/**
 * What POST /api/media/upload answers. `width` and `height` are those of the largest variant
 * (`lg`), so a page can reserve the image's shape before it loads.
 */
export type UploadResponse =
  | { ok: true; id: string; urls: ImageUrls; width: number; height: number }
  | { ok: false; code: string; message: string };

/**
 * Colours for generated avatars: all dark enough for white text to pass WCAG AA (≥ 4.5:1), in
 * light and dark mode alike.
 */
export const initialAvatarColours = ['#b91c1c', '#c2410c', '#a16207', '#15803d', '#0f766e', '#1d4ed8', '#6d28d9', '#be185d'] as const;

/** The first character a person would read (a whole CJK character or emoji, not half of one). */
export function initialOf(name: string, handle: string): string {
  const source = name.trim() || handle;
  const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  const first = segmenter ? segmenter.segment(source)[Symbol.iterator]().next().value?.segment : Array.from(source)[0];
  return (first ?? '?').toLocaleUpperCase();
}

/** Stable per handle, so a person keeps their colour when they change their name. */
export function initialAvatarColour(handle: string): string {
  let hash = 0;
  for (const char of handle) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return initialAvatarColours[hash % initialAvatarColours.length]!;
}
