'use client';
import type { IScannerControls } from '@zxing/browser';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';

/**
 * A Plaza link the scanner may open (from any origin Plaza is served at) → its path, else null:
 * a profile (/u/<handle>) or a "pay me" code (/wallet/send?to=<handle>). Nothing else, so a
 * code cannot send someone to an arbitrary page.
 */
function openablePath(text: string): string | null {
  try {
    const url = new URL(text, window.location.origin);
    const profile = /^\/u\/([a-z][a-z0-9_]{2,29})\/?$/i.exec(url.pathname);
    if (profile) return `/u/${profile[1]!.toLowerCase()}`;
    const payee = url.searchParams.get('to');
    if (/^\/wallet\/send\/?$/.test(url.pathname) && payee && /^@?[a-z][a-z0-9_]{2,29}$/i.test(payee)) {
      return `/wallet/send?to=${payee.replace(/^@/, '').toLowerCase()}`;
    }
    return null;
  } catch {
    return null;
  }
}

const noSubscription = () => () => {};
const hasCamera = () => Boolean(navigator.mediaDevices?.getUserMedia);

/**
 * Scans a profile QR code with the camera where the browser allows it, or from a photo. The
 * decoder is loaded only when needed, so /me/scan stays light.
 */
export function QrScanner() {
  const t = useTranslations('people');
  const router = useRouter();
  const video = useRef<HTMLVideoElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const controls = useRef<IScannerControls | null>(null);
  const [status, setStatus] = useState<'idle' | 'camera' | 'reading'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<string | null>(null);
  // Known only in the browser; the server snapshot keeps hydration consistent.
  const cameraPossible = useSyncExternalStore(noSubscription, hasCamera, () => false);

  useEffect(() => () => controls.current?.stop(), []);

  // On a slow phone the photo can be chosen before the page's script has loaded, when no change
  // handler is listening yet: read whatever the input already holds once it is.
  useEffect(() => {
    const input = photoInput.current;
    const early = input?.files?.[0];
    if (input && early) {
      void readPhoto(early);
      input.value = '';
    }
    // Only once, at hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function handleText(text: string) {
    controls.current?.stop();
    const path = openablePath(text);
    if (path) {
      setFound(path);
      router.push(path);
    } else {
      setError(t('scanNotProfile', { text: text.slice(0, 80) }));
    }
  }

  async function startCamera() {
    setError(null);
    try {
      const { BrowserQRCodeReader } = await import('@zxing/browser');
      setStatus('camera');
      controls.current = await new BrowserQRCodeReader().decodeFromVideoDevice(undefined, video.current!, (result) => {
        if (result) handleText(result.getText());
      });
    } catch {
      setStatus('idle');
      setError(t('scanNoCamera'));
    }
  }

  async function readPhoto(file: File) {
    setError(null);
    setStatus('reading');
    const url = URL.createObjectURL(file);
    try {
      const { BrowserQRCodeReader } = await import('@zxing/browser');
      const result = await new BrowserQRCodeReader().decodeFromImageUrl(url);
      handleText(result.getText());
    } catch {
      setError(t('scanNothingFound'));
    } finally {
      URL.revokeObjectURL(url);
      setStatus('idle');
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {cameraPossible && (
        <div className="flex flex-col gap-2">
          <video ref={video} className={status === 'camera' ? 'aspect-square w-full rounded-2xl bg-black object-cover' : 'hidden'} muted playsInline aria-label={t('scanCamera')} />
          {status !== 'camera' && <Button onClick={startCamera}>{t('scanWithCamera')}</Button>}
        </div>
      )}
      <label className="flex min-h-11 cursor-pointer items-center justify-center rounded-xl bg-surface-2 px-4 font-medium hover:bg-surface-3 focus-within:outline-2 focus-within:outline-brand">
        {status === 'reading' ? t('scanReading') : t('scanFromPhoto')}
        <input
          ref={photoInput}
          type="file"
          accept="image/*"
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void readPhoto(file);
            event.target.value = '';
          }}
        />
      </label>
      <p role="status" className="text-sm text-fg-muted">
        {found ? t('scanOpening') : ''}
      </p>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
