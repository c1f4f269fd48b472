'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server HTML and until React has hydrated. Submit buttons of forms handled in
 * JavaScript stay disabled until then, so an early tap cannot submit the form natively (a GET
 * that would put its fields, passwords included, into the address bar).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
