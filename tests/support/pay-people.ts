import { randomUUID } from 'node:crypto';
import { db } from '@/lib/core/db';
import type { Viewer } from '@/lib/core/session';
import { grantPromotion } from '@/lib/pay';
import type { Currency } from '@/lib/pay';

/**
 * People for money tests, written straight to the table: sign-up's password hashing is not under
 * test here. Their addresses are verified, as money may leave only such accounts.
 */
export async function people(count: number): Promise<Viewer[]> {
  const rows = Array.from({ length: count }, () => {
    const id = randomUUID().replace(/-/g, '').slice(0, 24);
    return { id, handle: `m${id.slice(0, 20)}`, email: `${id}@example.test`, name: `Money ${id.slice(0, 4)}`, emailVerifiedAt: new Date() };
  });
  await db().user.createMany({ data: rows });
  return rows.map((row) => ({ kind: 'person', id: row.id, handle: row.handle, isAdmin: false }));
}

export async function fund(viewer: Viewer, amount: number, currency: Currency = 'USD'): Promise<void> {
  // The system viewer, spelled out: importing it would pull in the sign-in stack.
  await grantPromotion({ kind: 'system' }, viewer.id, amount, currency, `test:${randomUUID()}`);
}

export const key = () => `k-${randomUUID()}`;
