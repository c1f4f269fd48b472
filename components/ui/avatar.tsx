/** A person's picture, or a generated initial on a colour derived from their handle. */
const palette = ['#0b7a4b', '#1f6feb', '#8250df', '#bf3989', '#cf222e', '#bc4c00', '#116329', '#0a3069'];

function colourFor(handle: string): string {
  let hash = 0;
  for (const char of handle) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}

const sizes = { sm: 'size-10 text-base', md: 'size-12 text-lg', lg: 'size-20 text-3xl' } as const;

export function Avatar({ name, handle, avatarId, size = 'md' }: { name: string; handle: string; avatarId?: string | null; size?: keyof typeof sizes }) {
  if (avatarId) {
    // eslint-disable-next-line @next/next/no-img-element -- our own re-encoded WebP variants, already sized
    return <img src={`/api/media/${avatarId}/${size === 'lg' ? 'medium' : 'small'}`} alt="" className={`${sizes[size]} shrink-0 rounded-full object-cover`} />;
  }
  const initial = [...name.trim()][0]?.toUpperCase() ?? '?';
  return (
    <span aria-hidden className={`${sizes[size]} flex shrink-0 items-center justify-center rounded-full font-semibold text-white`} style={{ background: colourFor(handle) }}>
      {initial}
    </span>
  );
}
