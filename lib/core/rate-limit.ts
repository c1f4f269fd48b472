import 'server-only';
import { db } from './db';
import { now } from './clock';
import { AppError } from './errors';

/**
 * Fixed-window counters in Postgres, so every app instance sees the same counts and they
 * survive restarts. One atomic upsert per hit; no check-then-insert race.
 */
export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

function windowStart(rule: RateLimitRule): Date {
  const windowMs = rule.windowSeconds * 1000;
  return new Date(Math.floor(now().getTime() / windowMs) * windowMs);
}

/** Counts one hit and returns the count in this window, this hit included. */
export async function countHit(rule: RateLimitRule, subject: string): Promise<number> {
  const key = `${rule.name}:${subject}`;
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitHit" ("key", "windowStart", "count")
    VALUES (${key}, ${windowStart(rule)}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1
    RETURNING "count"`;
  return rows[0]?.count ?? 1;
}

/** Takes back one hit counted in this window (an attempt that turned out to be the owner's). */
export async function forgiveHit(rule: RateLimitRule, subject: string): Promise<void> {
  await db().$executeRaw`
    UPDATE "RateLimitHit" SET "count" = GREATEST("count" - 1, 0)
    WHERE "key" = ${`${rule.name}:${subject}`} AND "windowStart" = ${windowStart(rule)}`;
}

/** Hits so far in this window, without counting a new one. */
export async function currentHits(rule: RateLimitRule, subject: string): Promise<number> {
  const row = await db().rateLimitHit.findUnique({
    where: { key_windowStart: { key: `${rule.name}:${subject}`, windowStart: windowStart(rule) } },
    select: { count: true },
  });
  return row?.count ?? 0;
}

export function rateLimited(rule: RateLimitRule): AppError {
  return new AppError('RATE_LIMITED', { key: 'rateLimited', values: { minutes: Math.ceil(rule.windowSeconds / 60) } });
}

/** Counts a hit and refuses once the limit is passed. */
export async function enforceRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  if ((await countHit(rule, subject)) > rule.limit) throw rateLimited(rule);
}
