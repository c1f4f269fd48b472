'use client';
import { useEffect } from 'react';

/** Registers public/sw.js, which caches static assets and shows the offline page. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
        console.warn('Offline support is unavailable:', error);
      });
    }
  }, []);
  return null;
}
