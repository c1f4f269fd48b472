import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/core/db';
import { AppError } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { fund, key, people } from '@/tests/support/pay-people';
import { refusal } from '@/tests/support/refusal';
import { acceptTransfer, checkLedger, claimRedPacket, createRedPacket, getBalances, getRedPacket, transfer } from './index';

// 100 concurrent callers need 100 connections (the test database allows 200).
process.env.DATABASE_POOL_SIZE = '100';

afterAll(async () => {
  await db().$disconnect();
});

/** Callers wait at the gate until all are ready, then go at once. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

async function usd(viewer: Viewer) {
  const row = (await getBalances(viewer)).find((balance) => balance.currency === 'USD')!;
  return row.balance + row.held;
}

describe('pay under concurrency', () => {
  it('1,000 random transfers among 50 wallets by 100 concurrent callers keep every total and key right', async () => {
    const wallets = await people(50);
    for (const wallet of wallets) await fund(wallet, 500 + Math.floor(Math.random() * 1500));
    const before = (await Promise.all(wallets.map(usd))).reduce((sum, value) => sum + value, 0);

    const start = gate();
    const outcomes = { sent: 0, refused: 0, duplicates: 0 };
    const keys: string[] = [];
    const callers = Array.from({ length: 100 }, async () => {
      await start.opened;
      for (let i = 0; i < 10; i++) {
        const from = wallets[Math.floor(Math.random() * wallets.length)]!;
        let to = wallets[Math.floor(Math.random() * wallets.length)]!;
        if (to.id === from.id) to = wallets[(wallets.indexOf(from) + 1) % wallets.length]!;
        const idempotencyKey = key();
        const amount = 1 + Math.floor(Math.random() * 900);
        // The same request twice at once, as a double tap or a retry would send it.
        const attempts = await Promise.allSettled([0, 1].map(() => transfer(from, { to: to.id, amount, currency: 'USD', idempotencyKey })));
        const done = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
        for (const attempt of attempts) {
          if (attempt.status === 'rejected' && !(attempt.reason instanceof AppError && attempt.reason.code === 'PAYMENT_REQUIRED')) throw attempt.reason;
        }
        if (done.length === 0) {
          outcomes.refused += 1;
          continue;
        }
        expect(new Set(done.map((item) => item.id)).size).toBe(1);
        outcomes.sent += 1;
        keys.push(`${from.id}:${idempotencyKey}`);
        if (Math.random() < 0.7) await acceptTransfer(to, done[0]!.id);
      }
    });
    start.open();
    await Promise.all(callers);

    expect(outcomes.sent + outcomes.refused).toBe(1000);
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.sent).toBeGreaterThan(0);
    const after = await Promise.all(wallets.map(usd));
    expect(after.reduce((sum, value) => sum + value, 0)).toBe(before);
    for (const balance of await Promise.all(wallets.map(getBalances))) for (const row of balance) expect(row.balance).toBeGreaterThanOrEqual(0);
    // Each key took effect once: one transfer and one sending posting each.
    expect(await db().transfer.count({ where: { idempotencyKey: { in: keys } } })).toBe(keys.length);
    const postings = await db().$queryRaw<{ count: bigint }[]>`
      SELECT COUNT(*)::bigint AS count FROM "LedgerPosting" p JOIN "Transfer" t ON p."idempotencyKey" = 'transfer:' || t.id || ':sent' WHERE t."idempotencyKey" = ANY(${keys}::text[])`;
    expect(Number(postings[0]!.count)).toBe(keys.length);
    expect((await checkLedger()).problems).toEqual([]);
  }, 240_000);

  it('a red packet of 10 shares claimed by 30 people at once: 10 get one share each and the shares add up', async () => {
    const [sender, outsider, ...claimers] = await people(32);
    await fund(sender!, 10_000);
    const packet = await createRedPacket(sender!, { eligible: claimers.map((person) => person.id), shares: 10, total: 8888, currency: 'USD', mode: 'random', idempotencyKey: key() });

    const start = gate();
    const attempts = claimers.map(async (claimer) => {
      await start.opened;
      // Each person taps twice at once.
      return Promise.allSettled([claimRedPacket(claimer, packet.id), claimRedPacket(claimer, packet.id)]);
    });
    start.open();
    const results = (await Promise.all(attempts)).flat();
    const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.amount] : []));
    expect(won).toHaveLength(10);
    expect(won.reduce((sum, amount) => sum + amount, 0)).toBe(8888);
    for (const result of results) {
      if (result.status === 'rejected') expect((result.reason as AppError).code).toBe('CONFLICT');
    }

    const final = await getRedPacket(sender!, packet.id);
    expect(final.status).toBe('FINISHED');
    expect(new Set(final.claims.map((claim) => claim.personId)).size).toBe(10);
    expect((await refusal(claimRedPacket(outsider!, packet.id))).code).toBe('NOT_FOUND');
    expect((await getBalances(sender!)).find((row) => row.currency === 'USD')).toMatchObject({ balance: 10_000 - 8888, held: 0 });
    expect((await checkLedger()).problems).toEqual([]);
  }, 120_000);

  it('a process killed in the middle of a transfer leaves all of it or none, and a retry with the same key completes it once', async () => {
    const [ana, bo] = await people(2);
    await fund(ana!, 1000);
    const idempotencyKey = key();
    const pauseFile = join(mkdtempSync(join(tmpdir(), 'plaza-pay-')), 'paused');
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/pay-paused-transfer.ts', ana!.id, bo!.id, '400', idempotencyKey], {
      env: { ...process.env, PAY_TEST_PAUSE_FILE: pauseFile, DATABASE_POOL_SIZE: '2' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await expect.poll(() => existsSync(pauseFile), { timeout: 60_000 }).toBe(true);
    child.kill('SIGKILL');
    await exited;

    // Postgres rolls back the dead connection's transaction: no transfer, no posting, no debit.
    await expect.poll(() => db().transfer.count({ where: { idempotencyKey: `${ana!.id}:${idempotencyKey}` } })).toBe(0);
    expect((await getBalances(ana!)).find((row) => row.currency === 'USD')).toMatchObject({ balance: 1000, held: 0 });

    const retried = await transfer(ana!, { to: bo!.id, amount: 400, currency: 'USD', idempotencyKey });
    const again = await transfer(ana!, { to: bo!.id, amount: 400, currency: 'USD', idempotencyKey });
    expect(again.id).toBe(retried.id);
    expect((await getBalances(ana!)).find((row) => row.currency === 'USD')).toMatchObject({ balance: 600, held: 400 });
    expect((await checkLedger()).problems).toEqual([]);
  }, 120_000);
});
