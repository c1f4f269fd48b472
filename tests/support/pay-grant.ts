/**
 * Gives a person money through the real pay service (the promotions account), for end-to-end
 * tests: `node --conditions=react-server --import tsx tests/support/pay-grant.ts <handle> <minor> [currency]`.
 * Run as its own process because pay's modules are server-only and Playwright's loader is not.
 */
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/core/db';
import { markEmailVerified } from '@/lib/account';
import { grantPromotion, type Currency } from '@/lib/pay';

async function main() {
  const [handle, amount, currency = 'USD'] = process.argv.slice(2);
  const person = await db().user.findUnique({ where: { handle: handle ?? '' }, select: { id: true } });
  if (!person || !/^\d+$/.test(amount ?? '')) throw new Error(`pay-grant: no person @${handle}, or a bad amount ${amount}`);
  // A funded fixture is one that may spend: money leaves only accounts with a verified address.
  await markEmailVerified({ kind: 'system' }, person.id);
  await grantPromotion({ kind: 'system' }, person.id, Number(amount), currency as Currency, `e2e:${randomUUID()}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
