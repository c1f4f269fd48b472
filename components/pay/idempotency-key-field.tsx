'use client';
import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

/**
 * One key per form render: a double tap or a retry after a lost answer sends the same key, and
 * the service moves the money once. Rendered after hydration only, so the key is the browser's
 * (a server-rendered one would differ from the one React keeps).
 */
export function IdempotencyKeyField() {
  const hydrated = useHydrated();
  const [key] = useState(() => crypto.randomUUID());
  return hydrated ? <input type="hidden" name="idempotencyKey" value={key} /> : null;
}
