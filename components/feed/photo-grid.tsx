'use client';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { PhotoDto } from '@/lib/feed/client';
import { imageSrcSet, imageUrl } from '@/lib/media/client';

/** Columns by count, as Moments lays them out: one photo large, four in a square, else threes. */
function columnsFor(count: number): string {
  if (count === 1) return 'grid-cols-1';
  if (count === 2 || count === 4) return 'grid-cols-2';
  return 'grid-cols-3';
}

/**
 * Up to nine photos in a grid; each opens a full-screen viewer (a modal dialog, so focus stays
 * inside and Escape closes it) that pages with the arrow keys.
 */
export function PhotoGrid({ photos, authorName }: { photos: PhotoDto[]; authorName: string }) {
  const t = useTranslations('feed');
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState<number | null>(null);
  if (photos.length === 0) return null;
  const single = photos.length === 1 ? photos[0]! : null;

  function show(index: number) {
    setOpen(index);
    dialog.current?.showModal();
  }
  const step = (by: number) => setOpen((index) => (index === null ? null : (index + by + photos.length) % photos.length));
  const current = open === null ? null : photos[open];

  return (
    <>
      <ul className={`grid gap-1 ${columnsFor(photos.length)} ${single ? 'max-w-sm' : 'max-w-md'}`} aria-label={t('photos', { count: photos.length })}>
        {photos.map((photo, index) => (
          <li key={photo.id}>
            <button type="button" onClick={() => show(index)} className="block w-full overflow-hidden rounded-lg bg-surface-2 focus-visible:outline-2 focus-visible:outline-brand">
              {/* eslint-disable-next-line @next/next/no-img-element -- our own WebP variants, chosen by srcset */}
              <img
                src={imageUrl(photo.id, 'md')}
                srcSet={imageSrcSet(photo.id, 'post')}
                sizes={single ? '(max-width: 640px) 90vw, 384px' : '(max-width: 640px) 30vw, 150px'}
                width={photo.width}
                height={photo.height}
                loading="lazy"
                alt={t('photoOf', { name: authorName, number: index + 1, count: photos.length })}
                className={single ? 'max-h-96 w-full object-cover' : 'aspect-square w-full object-cover'}
              />
            </button>
          </li>
        ))}
      </ul>
      <dialog
        ref={dialog}
        onClose={() => setOpen(null)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowRight') step(1);
          if (event.key === 'ArrowLeft') step(-1);
        }}
        aria-label={t('viewer')}
        className="m-0 h-full max-h-none w-full max-w-none bg-black/95 p-0 text-white backdrop:bg-black/80"
      >
        {current && open !== null && (
          <div className="flex h-full flex-col">
            <div className="flex items-center justify-between p-2">
              <span aria-live="polite">{t('photoCounter', { number: open + 1, count: photos.length })}</span>
              <form method="dialog">
                <button type="submit" className="min-h-11 rounded-xl px-4 font-medium hover:bg-white/10" autoFocus>
                  {t('close')}
                </button>
              </form>
            </div>
            <div className="flex min-h-0 flex-1 items-center justify-center">
              {/* eslint-disable-next-line @next/next/no-img-element -- the largest variant, full screen */}
              <img src={imageUrl(current.id, 'lg')} alt={t('photoOf', { name: authorName, number: open + 1, count: photos.length })} className="max-h-full max-w-full object-contain" />
            </div>
            {photos.length > 1 && (
              <div className="flex justify-between p-2">
                <button type="button" onClick={() => step(-1)} className="min-h-11 rounded-xl px-4 hover:bg-white/10">
                  {t('previousPhoto')}
                </button>
                <button type="button" onClick={() => step(1)} className="min-h-11 rounded-xl px-4 hover:bg-white/10">
                  {t('nextPhoto')}
                </button>
              </div>
            )}
          </div>
        )}
      </dialog>
    </>
  );
}
