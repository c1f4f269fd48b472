'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { acceptedImageTypes, type ImageUrls, type UploadResponse } from '@/lib/media/client';

/** A stored post photo; `width` and `height` are those of its largest variant. */
export type PickedPhoto = { id: string; urls: ImageUrls; width: number; height: number };

type Pending = {
  key: number;
  name: string;
  file: File;
  preview: string;
  phase: 'queued' | 'uploading' | 'processing' | 'failed';
  percent: number;
  error?: string;
};

// Enough to keep a phone's uplink busy without one slow photo holding up all the others.
const maxInFlight = 4;
const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/**
 * Chooses several photos at once and uploads each as a post photo, with a progress bar per
 * photo and a thumbnail as each finishes. Controlled: `value` holds the stored photos and
 * `onChange` receives the new list. `onBusyChange` says whether uploads are still running, so a
 * form can hold its submit until they finish. `maxBytes`, when given, refuses a too-big file
 * before sending it; the server checks everything else and its refusal is shown per photo.
 */
export function PhotoPicker({
  max,
  value,
  onChange,
  label,
  maxBytes,
  onBusyChange,
  purpose = 'post',
}: {
  /** Which domain the photos are for: it decides their sizes and who may use them. */
  purpose?: 'post' | 'chat';
  max: number;
  value: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  label: string;
  maxBytes?: number;
  onBusyChange?: (busy: boolean) => void;
}) {
  const t = useTranslations('media');
  const errors = useTranslations('errors');
  const id = useId();
  const [pending, setPending] = useState<Pending[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const requests = useRef(new Map<number, XMLHttpRequest>());
  const queue = useRef<Pending[]>([]);
  const nextKey = useRef(0);
  // Uploads finish between renders; each must add to the list the previous one left.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);

  const active = pending.filter((item) => item.phase !== 'failed');
  const failed = pending.filter((item) => item.phase === 'failed');
  const busy = active.length > 0;
  const room = Math.max(0, max - value.length - active.length);

  const busyRef = useRef<boolean | null>(null);
  useEffect(() => {
    if (busyRef.current === busy) return;
    busyRef.current = busy;
    onBusyChange?.(busy);
  }, [busy, onBusyChange]);

  useEffect(() => {
    const running = requests.current;
    const waiting = queue.current;
    return () => {
      waiting.length = 0;
      running.forEach((request) => request.abort());
    };
  }, []);

  const update = (key: number, change: Partial<Pending>) =>
    setPending((items) => items.map((item) => (item.key === key ? { ...item, ...change } : item)));

  /** Starts queued photos while fewer than maxInFlight are on their way. */
  function startNext() {
    while (requests.current.size < maxInFlight && queue.current.length > 0) {
      const item = queue.current.shift()!;
      update(item.key, { phase: 'uploading' });
      upload(item);
    }
  }

  function finish(key: number, result: { photo: PickedPhoto } | { error: string }) {
    requests.current.delete(key);
    startNext();
    if ('error' in result) return update(key, { phase: 'failed', error: result.error });
    const next = [...latest.current, result.photo];
    latest.current = next;
    onChange(next);
    setPending((items) => {
      const done = items.find((item) => item.key === key);
      if (done) URL.revokeObjectURL(done.preview);
      return items.filter((item) => item.key !== key);
    });
  }

  function upload(item: Pending) {
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', item.file);
    const xhr = new XMLHttpRequest();
    requests.current.set(item.key, xhr);
    xhr.open('POST', '/api/media/upload');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) update(item.key, { percent: Math.round((event.loaded / event.total) * 100) });
    };
    // Every byte is sent; the server now checks and re-encodes the photo.
    xhr.upload.onload = () => update(item.key, { percent: 100, phase: 'processing' });
    xhr.onerror = () => finish(item.key, { error: errors('media.network') });
    xhr.onload = () => {
      const body = xhr.response as UploadResponse | null;
      if (!body || typeof body !== 'object') return finish(item.key, { error: errors('media.network') });
      if (!body.ok) return finish(item.key, { error: body.message });
      finish(item.key, { photo: { id: body.id, urls: body.urls, width: body.width, height: body.height } });
    };
    xhr.send(form);
  }

  function onPick(event: React.ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.currentTarget.files ?? []);
    // Cleared so that choosing the same photos again picks them again.
    event.currentTarget.value = '';
    if (files.length === 0) return;
    const taken = files.slice(0, room);
    setNotice(files.length > room ? t('tooManyPhotos', { max, added: taken.length }) : null);
    const items = taken.map((file): Pending => {
      nextKey.current += 1;
      const item: Pending = { key: nextKey.current, name: file.name, file, preview: URL.createObjectURL(file), phase: 'queued', percent: 0 };
      // No need to send what the server would refuse for its size alone.
      if (maxBytes !== undefined && file.size > maxBytes) return { ...item, phase: 'failed', error: errors('media.tooLarge', { megabytes: megabytes(maxBytes) }) };
      return item;
    });
    setPending((current) => [...current, ...items]);
    queue.current.push(...items.filter((item) => item.phase === 'queued'));
    startNext();
  }

  function dismiss(key: number) {
    requests.current.get(key)?.abort();
    requests.current.delete(key);
    const queued = queue.current.findIndex((item) => item.key === key);
    if (queued >= 0) queue.current.splice(queued, 1);
    startNext();
    setPending((items) => {
      const gone = items.find((item) => item.key === key);
      if (gone) URL.revokeObjectURL(gone.preview);
      return items.filter((item) => item.key !== key);
    });
  }

  function remove(photoId: string) {
    const next = latest.current.filter((photo) => photo.id !== photoId);
    latest.current = next;
    onChange(next);
  }

  const describedBy = [`${id}-hint`, notice ? `${id}-notice` : null].filter(Boolean).join(' ');

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={acceptedImageTypes}
        onChange={onPick}
        disabled={room === 0}
        aria-describedby={describedBy}
        className="min-h-11 text-sm text-fg-muted file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-xl file:border-0 file:bg-surface-2 file:px-4 file:font-medium file:text-fg hover:file:bg-surface-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:opacity-60"
      />
      <p id={`${id}-hint`} className="text-xs text-fg-muted">
        {t('photosHint', { max })} {t('photoCount', { count: value.length + active.length, max })}
      </p>
      {notice && (
        <p id={`${id}-notice`} role="alert" className="text-sm text-danger">
          {notice}
        </p>
      )}

      {(value.length > 0 || active.length > 0) && (
        <ul className="grid grid-cols-3 gap-2" aria-label={t('chosenPhotos')}>
          {value.map((photo, index) => (
            <li key={photo.id} className="relative aspect-square overflow-hidden rounded-lg bg-surface-2">
              {/* The stored 360-wide variant: plenty for a third of a phone's width. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={photo.urls.sm} alt={t('photo', { index: index + 1 })} width={photo.width} height={photo.height} className="size-full object-cover" />
              <button
                type="button"
                onClick={() => remove(photo.id)}
                aria-label={t('removePhoto', { index: index + 1 })}
                className="absolute top-1 right-1 flex size-11 items-center justify-center rounded-full bg-surface/90 text-lg leading-none text-fg shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
          {active.map((item) => (
            <li key={item.key} className="relative flex aspect-square flex-col justify-end overflow-hidden rounded-lg bg-surface-2">
              {/* A local blob: URL of the chosen file, which Next's image component cannot load. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={item.preview} alt="" className="absolute inset-0 size-full object-cover opacity-60" />
              <div className="relative flex flex-col gap-1 bg-surface/80 p-1.5">
                <div
                  role="progressbar"
                  aria-label={t('photoProgress', { name: item.name })}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={item.percent}
                  className="h-1.5 w-full overflow-hidden rounded-full bg-surface-3"
                >
                  <div className="h-full rounded-full bg-brand transition-[width]" style={{ width: `${item.percent}%` }} />
                </div>
                <span className="truncate text-xs text-fg">
                  {item.phase === 'queued' ? t('waiting') : item.phase === 'processing' ? t('processing') : t('uploading', { percent: item.percent })}
                </span>
              </div>
              <button
                type="button"
                onClick={() => dismiss(item.key)}
                aria-label={t('cancelPhoto', { name: item.name })}
                className="absolute top-1 right-1 flex size-11 items-center justify-center rounded-full bg-surface/90 text-lg leading-none text-fg shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      {failed.length > 0 && (
        <ul className="flex flex-col gap-2">
          {failed.map((item) => (
            <li key={item.key} className="flex items-start gap-2 rounded-lg border border-line bg-surface-2 p-2">
              <p role="alert" className="min-w-0 flex-1 text-sm break-words text-danger">
                {t('photoFailed', { name: item.name, message: item.error ?? '' })}
              </p>
              <button
                type="button"
                onClick={() => dismiss(item.key)}
                aria-label={t('dismissError', { name: item.name })}
                className="min-h-11 shrink-0 rounded-xl px-3 text-sm font-medium text-fg hover:bg-surface-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
              >
                {t('dismiss')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <p role="status" aria-live="polite" className="sr-only">
        {busy ? t('photosBusy', { count: active.length }) : ''}
      </p>
    </div>
  );
}
