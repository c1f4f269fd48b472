import 'server-only';
import { writeFileSync } from 'node:fs';
import { db, Prisma } from '@/lib/core/db';
import { env } from '@/lib/core/env';
import { AppError } from '@/lib/core/errors';
import type { Currency } from './money';

/**
 * The only writer of ledger rows (DESIGN.md rule 3). A posting is a set of entries that sum to
 * zero, in one currency, written once under its idempotency key, never edited; a mistake is
 * undone by a reversing posting. Each account caches its balance, updated in the same
 * transaction under a row lock, and people's accounts cannot go below zero: the code checks
 * under the lock and a CHECK constraint backs it up.
 */

export type Tx = Prisma.TransactionClient;

export type PersonAccountKind = 'WALLET' | 'HOLDING' | 'SELLER_PAYABLE';
export type SystemAccountKind = 'PLATFORM_REVENUE' | 'PLATFORM_FEES' | 'STRIPE_CLEARING' | 'PROMOTIONS';
export type AccountRef = { kind: PersonAccountKind; ownerId: string } | { kind: SystemAccountKind };

const platformOwner = 'platform';
/** System accounts money comes from: they go negative as money enters Plaza. */
const mayGoNegative = new Set<string>(['STRIPE_CLEARING', 'PROMOTIONS']);

export interface PostingInput {
  idempotencyKey: string;
  kind: string;
  currency: Currency;
  /** Signed minor units: positive credits, negative debits; they must sum to zero. */
  entries: { account: AccountRef; amount: number }[];
  meta?: Record<string, string>;
  reversesId?: string;
}

export type PostingResult = { postingId: string; created: boolean };

function ownerOf(account: AccountRef): string {
  return 'ownerId' in account ? account.ownerId : platformOwner;
}

function assertBalanced(input: PostingInput): void {
  if (input.entries.length < 2) throw new Error('A posting needs at least two entries');
  let sum = 0;
  for (const entry of input.entries) {
    if (!Number.isSafeInteger(entry.amount) || entry.amount === 0) throw new Error(`Entry amounts are non-zero integers, not ${entry.amount}`);
    sum += entry.amount;
  }
  if (sum !== 0) throw new Error(`Posting ${input.kind} does not balance: entries sum to ${sum}`);
}

export const insufficientFunds = () => new AppError('PAYMENT_REQUIRED', 'pay.insufficientFunds');

/**
 * Writes a posting inside the caller's transaction. A second call with the same idempotency
 * key, even concurrent, changes nothing and reports `created: false`: the unique key makes the
 * later insert wait for the first transaction and then skip.
 */
export async function post(tx: Tx, input: PostingInput): Promise<PostingResult> {
  assertBalanced(input);
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "LedgerPosting" (id, "idempotencyKey", kind, meta, "reversesId")
    VALUES (gen_random_uuid()::text, ${input.idempotencyKey}, ${input.kind}, ${JSON.stringify(input.meta ?? {})}::jsonb, ${input.reversesId ?? null})
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING id`;
  if (inserted.length === 0) {
    const existing = await tx.ledgerPosting.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
    return { postingId: existing.id, created: false };
  }
  const postingId = inserted[0]!.id;

  // Net change per account, then lock the accounts in one fixed order so that two postings
  // touching the same pair of accounts cannot deadlock.
  const deltas = new Map<string, { account: AccountRef; amount: number }>();
  for (const entry of input.entries) {
    const key = `${entry.account.kind}:${ownerOf(entry.account)}`;
    const known = deltas.get(key);
    deltas.set(key, { account: entry.account, amount: (known?.amount ?? 0) + entry.amount });
  }
  const accounts = await lockAccounts(tx, [...deltas.values()].map((delta) => delta.account), input.currency);

  for (const [key, delta] of deltas) {
    const account = accounts.get(key)!;
    if (!account.mayGoNegative && account.balance + BigInt(delta.amount) < 0n) throw insufficientFunds();
  }
  for (const [key, delta] of deltas) {
    if (delta.amount === 0) continue;
    await tx.$executeRaw`UPDATE "LedgerAccount" SET balance = balance + ${delta.amount} WHERE id = ${accounts.get(key)!.id}`;
  }
  const ids = input.entries.map((entry) => accounts.get(`${entry.account.kind}:${ownerOf(entry.account)}`)!.id);
  const amounts = input.entries.map((entry) => entry.amount);
  await tx.$executeRaw`
    INSERT INTO "LedgerEntry" ("postingId", "accountId", amount, currency)
    SELECT ${postingId}, account_id, amount, ${input.currency}::"Currency"
    FROM unnest(${ids}::text[], ${amounts}::bigint[]) AS e(account_id, amount)`;
  await pauseForCrashTest();
  return { postingId, created: true };
}

/** See PAY_TEST_PAUSE_FILE: holds the transaction open until the test kills this process. */
async function pauseForCrashTest(): Promise<void> {
  const file = env().PAY_TEST_PAUSE_FILE;
  if (!file) return;
  writeFileSync(file, String(process.pid));
  await new Promise(() => {});
}

type LockedAccount = { id: string; balance: bigint; mayGoNegative: boolean };

async function lockAccounts(tx: Tx, refs: AccountRef[], currency: Currency): Promise<Map<string, LockedAccount>> {
  const kinds = refs.map((ref) => ref.kind);
  const owners = refs.map(ownerOf);
  const negative = refs.map((ref) => mayGoNegative.has(ref.kind));
  // Accounts are made on first use; ON CONFLICT makes concurrent first uses agree on one row.
  await tx.$executeRaw`
    INSERT INTO "LedgerAccount" (id, kind, "ownerId", currency, "mayGoNegative")
    SELECT gen_random_uuid()::text, k::"LedgerAccountKind", o, ${currency}::"Currency", n
    FROM unnest(${kinds}::text[], ${owners}::text[], ${negative}::boolean[]) AS a(k, o, n)
    ON CONFLICT (kind, "ownerId", currency) DO NOTHING`;
  const rows = await tx.$queryRaw<(LockedAccount & { kind: string; ownerId: string })[]>`
    SELECT id, kind::text AS kind, "ownerId", balance, "mayGoNegative" FROM "LedgerAccount"
    WHERE currency = ${currency}::"Currency" AND (kind::text, "ownerId") IN (SELECT * FROM unnest(${kinds}::text[], ${owners}::text[]))
    ORDER BY id
    FOR UPDATE`;
  return new Map(rows.map((row) => [`${row.kind}:${row.ownerId}`, row]));
}

/**
 * Locks the person's wallet and holding in `currency` (in id order, as `post` does, so the two
 * cannot deadlock) and returns what left the wallet since `since` through postings of `kinds`.
 * Called first in a debit's transaction: a second debit by the same person waits here until the
 * first commits, then counts it.
 */
export async function lockWalletAndSumDebits(tx: Tx, ownerId: string, currency: Currency, kinds: readonly string[], since: Date): Promise<number> {
  const accounts = await lockAccounts(tx, [{ kind: 'WALLET', ownerId }, { kind: 'HOLDING', ownerId }], currency);
  const wallet = accounts.get(`WALLET:${ownerId}`)!;
  const rows = await tx.$queryRaw<{ total: bigint | null }[]>`
    SELECT SUM(-e.amount) AS total FROM "LedgerEntry" e JOIN "LedgerPosting" p ON p.id = e."postingId"
    WHERE e."accountId" = ${wallet.id} AND e."createdAt" > ${since} AND e.amount < 0 AND p.kind = ANY(${[...kinds]}::text[])`;
  return Number(rows[0]?.total ?? 0n);
}

/** Undoes a posting with its mirror image; a posting is reversed at most once. */
export async function reverse(tx: Tx, postingId: string, idempotencyKey: string, kind: string): Promise<PostingResult> {
  const entries = await tx.$queryRaw<{ kind: string; ownerId: string; amount: bigint; currency: Currency }[]>`
    SELECT a.kind::text AS kind, a."ownerId", e.amount, e.currency::text AS currency
    FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId" WHERE e."postingId" = ${postingId}`;
  if (entries.length === 0) throw new Error(`No posting ${postingId} to reverse`);
  return post(tx, {
    idempotencyKey,
    kind,
    currency: entries[0]!.currency,
    reversesId: postingId,
    entries: entries.map((entry) => ({
      account: (entry.ownerId === platformOwner ? { kind: entry.kind } : { kind: entry.kind, ownerId: entry.ownerId }) as AccountRef,
      amount: -Number(entry.amount),
    })),
  });
}

/** Runs `work` in one transaction, sized for the ledger's row locks under load. */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work, { maxWait: 30_000, timeout: 30_000 });
}

/** A balance is one indexed row read, however many entries the account has. */
export async function balancesOf(ownerId: string, kind: PersonAccountKind = 'WALLET'): Promise<{ currency: Currency; balance: number }[]> {
  const rows = await db().ledgerAccount.findMany({ where: { ownerId, kind }, select: { currency: true, balance: true }, orderBy: { currency: 'asc' } });
  return rows.map((row) => ({ currency: row.currency, balance: Number(row.balance) }));
}

export type LedgerLine = { entryId: bigint; postingId: string; kind: string; meta: Record<string, string>; amount: number; currency: Currency; createdAt: Date };

/** A person's wallet entries, newest first, keyset-paginated on the entry id. */
export async function walletLines(ownerId: string, opts: { currency?: Currency; direction?: 'in' | 'out'; kinds?: string[]; before?: bigint; take: number }): Promise<LedgerLine[]> {
  const rows = await db().$queryRaw<(Omit<LedgerLine, 'amount'> & { amount: bigint })[]>`
    SELECT e.id AS "entryId", p.id AS "postingId", p.kind, p.meta, e.amount, e.currency::text AS currency, e."createdAt"
    FROM "LedgerAccount" a
    JOIN "LedgerEntry" e ON e."accountId" = a.id
    JOIN "LedgerPosting" p ON p.id = e."postingId"
    WHERE a."ownerId" = ${ownerId} AND a.kind = 'WALLET'
      AND (${opts.currency ?? null}::text IS NULL OR a.currency::text = ${opts.currency ?? null})
      AND (${opts.direction ?? null}::text IS NULL OR (${opts.direction ?? null} = 'in' AND e.amount > 0) OR (${opts.direction ?? null} = 'out' AND e.amount < 0))
      AND (${opts.kinds ?? null}::text[] IS NULL OR p.kind = ANY(${opts.kinds ?? null}::text[]))
      AND (${opts.before ?? null}::bigint IS NULL OR e.id < ${opts.before ?? null})
    ORDER BY e.id DESC
    LIMIT ${opts.take}`;
  return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
}

export type LedgerProblem = { accountId: string; kind: string; ownerId: string; cached: bigint; summed: bigint } | { postingId: string; sum: bigint };

/**
 * `npm run ledger:check`: every cached balance equals the sum of its entries, every posting
 * sums to zero, and no person's account is below zero.
 */
export async function checkLedger(): Promise<{ accounts: number; postings: number; problems: LedgerProblem[] }> {
  const accountProblems = await db().$queryRaw<LedgerProblem[]>`
    SELECT a.id AS "accountId", a.kind::text AS kind, a."ownerId", a.balance AS cached, COALESCE(SUM(e.amount), 0)::bigint AS summed
    FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
    GROUP BY a.id
    HAVING a.balance <> COALESCE(SUM(e.amount), 0) OR (NOT a."mayGoNegative" AND a.balance < 0)`;
  const postingProblems = await db().$queryRaw<LedgerProblem[]>`
    SELECT "postingId", SUM(amount)::bigint AS sum FROM "LedgerEntry" GROUP BY "postingId" HAVING SUM(amount) <> 0`;
  const [accounts, postings] = await Promise.all([db().ledgerAccount.count(), db().ledgerPosting.count()]);
  return { accounts, postings, problems: [...accountProblems, ...postingProblems] };
}
