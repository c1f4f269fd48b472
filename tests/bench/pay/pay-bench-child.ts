/**
 * The pay benchmark's measuring process (server-only code needs the react-server condition):
 *   node --conditions=react-server --import tsx tests/bench/pay/pay-bench-child.ts
 * with DATABASE_URL of a fresh database. Prints one JSON line of figures.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { startRealtimeServer } from '@/lib/realtime/server/server';

// Transfers publish realtime events; give them a server so the figures include that, as in life.
const realtime = await startRealtimeServer({ port: 0, webhookUrl: undefined });
process.env.PUSHER_PORT = String(realtime.port);

const { db } = await import('@/lib/core/db');
const { transfer, grantPromotion } = await import('@/lib/pay');
const { balancesOf } = await import('@/lib/pay/ledger');

const writers = 50;
const transfersPerWriter = 40;
const people = 200;

const ids = Array.from({ length: people }, () => randomUUID().replace(/-/g, '').slice(0, 24));
await db().user.createMany({ data: ids.map((id) => ({ id, handle: `b${id.slice(0, 20)}`, email: `${id}@bench.test`, name: `Bench ${id.slice(0, 4)}`, emailVerifiedAt: new Date() })) });
for (const id of ids) await grantPromotion({ kind: 'system' }, id, 1_000_000_00, 'USD', `bench:${id}`);
const viewer = (id: string) => ({ kind: 'person' as const, id, handle: 'bench', isAdmin: false });
const randomPair = () => {
  const from = ids[Math.floor(Math.random() * people)]!;
  let to = ids[Math.floor(Math.random() * people)]!;
  if (to === from) to = ids[(ids.indexOf(from) + 1) % people]!;
  return { from, to };
};
const oneTransfer = async () => {
  const { from, to } = randomPair();
  const started = performance.now();
  await transfer(viewer(from), { to, amount: 1 + Math.floor(Math.random() * 5000), currency: 'USD', idempotencyKey: `bench-${randomUUID()}` });
  return performance.now() - started;
};

// Warm-up: connections, prepared plans, JIT.
await Promise.all(Array.from({ length: writers }, async () => { for (let i = 0; i < 4; i++) await oneTransfer(); }));

const latencies: number[] = [];
const started = performance.now();
await Promise.all(
  Array.from({ length: writers }, async () => {
    for (let i = 0; i < transfersPerWriter; i++) latencies.push(await oneTransfer());
  }),
);
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;

/** Mean time of one balance read, over many, after a warm-up. */
async function balanceReadMicros(ownerId: string): Promise<number> {
  for (let i = 0; i < 200; i++) await balancesOf(ownerId);
  const reads = 2000;
  const t0 = performance.now();
  for (let i = 0; i < reads; i++) await balancesOf(ownerId);
  return ((performance.now() - t0) / reads) * 1000;
}

const reader = ids[0]!;
const entriesBefore = Number((await db().$queryRaw<{ n: bigint }[]>`SELECT COUNT(*)::bigint AS n FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId" WHERE a."ownerId" = ${reader} AND a.kind = 'WALLET'`)[0]!.n);
const small = await balanceReadMicros(reader);
// A million entries on the same account (bulk-loaded, balance kept equal to their sum).
await db().$executeRaw`
  WITH account AS (SELECT id FROM "LedgerAccount" WHERE "ownerId" = ${reader} AND kind = 'WALLET' AND currency = 'USD')
  INSERT INTO "LedgerEntry" ("postingId", "accountId", amount, currency)
  SELECT 'bench-bulk', account.id, 1, 'USD' FROM account, generate_series(1, 1000000)`;
await db().$executeRaw`UPDATE "LedgerAccount" SET balance = balance + 1000000 WHERE "ownerId" = ${reader} AND kind = 'WALLET' AND currency = 'USD'`;
await db().$executeRaw`ANALYZE "LedgerEntry"`;
const large = await balanceReadMicros(reader);

console.log(
  JSON.stringify({
    writers,
    transfers: latencies.length,
    perSecond: latencies.length / seconds,
    p50: pick(0.5),
    p99: pick(0.99),
    balanceSmall: { entries: entriesBefore, micros: small },
    balanceLarge: { entries: entriesBefore + 1_000_000, micros: large },
  }),
);
await db().$disconnect();
await realtime.close();
process.exit(0);
