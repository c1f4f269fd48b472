import Image from 'next/image';
import { avatarVariantFor, imageUrl, initialAvatarColour, initialOf } from '@/lib/media/client';

/**
 * A person's picture: their uploaded avatar, or else their initial on a colour that stays the
 * same for their handle. The initial is a whole character, so Chinese names show one hanzi.
 */
export function Avatar({
  name,
  handle,
  avatarId,
  size = 40,
  alt,
  className = '',
}: {
  name: string;
  handle: string;
  avatarId?: string | null;
  size?: number;
  /** Defaults to the person's name; pass "" where the name is already written beside it. */
  alt?: string;
  className?: string;
}) {
  const label = alt ?? name;
  if (avatarId) {
    return (
      // The variants are already sized WebP: Next's optimiser would only re-encode them.
      <Image
        src={imageUrl(avatarId, avatarVariantFor(size))}
        alt={label}
        width={size}
        height={size}
        unoptimized
        className={`shrink-0 rounded-full bg-surface-2 object-cover ${className}`}
        style={{ width: size, height: size }}
      />
    );
  }
  return (
    <span
      role={label ? 'img' : undefined}
      aria-label={label || undefined}
      aria-hidden={label ? undefined : true}
      className={`inline-flex shrink-0 select-none items-center justify-center rounded-full font-semibold leading-none text-white ${className}`}
      style={{ width: size, height: size, backgroundColor: initialAvatarColour(handle), fontSize: Math.round(size * 0.45) }}
    >
      <span aria-hidden>{initialOf(name, handle)}</span>
    </span>
  );
}
