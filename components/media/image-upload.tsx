'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { acceptedImageTypes, type ImageUrls, type MediaPurpose, type UploadResponse } from '@/lib/media/client';

export type UploadedImage = { id: string; urls: ImageUrls };

type Phase = 'idle' | 'uploading' | 'processing' | 'saving' | 'done' | 'error';

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/**
 * Picks an image and uploads it at once with XMLHttpRequest, because fetch cannot report upload
 * progress. The server decides what is acceptable; its refusal is shown beside the control.
 * `onUploaded` puts the stored image to use and returns an error message, or null when done.
 */
export function ImageUpload({
  purpose,
  label,
  maxBytes,
  onUploaded,
}: {
  purpose: MediaPurpose;
  label: string;
  maxBytes: number;
  onUploaded: (image: UploadedImage) => Promise<string | null>;
}) {
  const t = useTranslations('media');
  const errors = useTranslations('errors');
  const id = useId();
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const request = useRef<XMLHttpRequest | null>(null);

  useEffect(() => () => request.current?.abort(), []);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  function fail(message: string) {
    setPhase('error');
    setError(message);
    setPreview(null);
  }

  function upload(file: File) {
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open('POST', '/api/media/upload');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) setPercent(Math.round((event.loaded / event.total) * 100));
    };
    // Every byte is sent; the server now checks and re-encodes the image.
    xhr.upload.onload = () => {
      setPercent(100);
      setPhase('processing');
    };
    xhr.onerror = () => fail(errors('media.network'));
    xhr.onload = async () => {
      const body = xhr.response as UploadResponse | null;
      if (!body || typeof body !== 'object') return fail(errors('media.network'));
      if (!body.ok) return fail(body.message);
      setPercent(100);
      setPhase('saving');
      const problem = await onUploaded({ id: body.id, urls: body.urls });
      if (problem) return fail(problem);
      setPhase('done');
    };
    xhr.send(form);
  }

  function onChange(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    // Cleared so that choosing the same file again uploads it again.
    event.currentTarget.value = '';
    if (!file) return;
    setError(null);
    if (file.size > maxBytes) return fail(errors('media.tooLarge', { megabytes: megabytes(maxBytes) }));
    setPreview(URL.createObjectURL(file));
    setPercent(0);
    setPhase('uploading');
    upload(file);
  }

  const busy = phase === 'uploading' || phase === 'processing' || phase === 'saving';
  const showProgress = busy || phase === 'done';
  const status = phase === 'uploading' ? t('uploading', { percent }) : phase === 'processing' || phase === 'saving' ? t('processing') : phase === 'done' ? t('uploaded') : '';

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={acceptedImageTypes}
        onChange={onChange}
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className="min-h-11 text-sm text-fg-muted file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-xl file:border-0 file:bg-surface-2 file:px-4 file:font-medium file:text-fg hover:file:bg-surface-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:opacity-60"
      />
      {!error && (
        <p id={`${id}-hint`} className="text-xs text-fg-muted">
          {t('hint', { megabytes: megabytes(maxBytes) })}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {showProgress && (
        <div className="flex items-center gap-3">
          {preview && (
            // A local blob: URL of the chosen file, which Next's image component cannot load.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={preview} alt={t('preview')} className="size-12 shrink-0 rounded-lg bg-surface-2 object-cover" />
          )}
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <div
              role="progressbar"
              aria-label={t('progress')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-2 w-full overflow-hidden rounded-full bg-surface-2"
            >
              <div className="h-full rounded-full bg-brand transition-[width]" style={{ width: `${percent}%` }} />
            </div>
          </div>
        </div>
      )}
      <p role="status" aria-live="polite" className="text-sm text-fg-muted">
        {status}
      </p>
    </div>
  );
}
