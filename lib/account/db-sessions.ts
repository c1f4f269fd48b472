import 'server-only';
import { db, Prisma } from '@/lib/core/db';

/** Sign-in sessions (one row per signed-in browser): the only Prisma access for them. */

export type LiveSessionRow = { userId: string; handle: string; isAdmin: boolean };
export type DeviceRow = { id: string; deviceLabel: string; createdAt: Date; lastSeenAt: Date };

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

export async function insertSession(data: { userId: string; deviceLabel: string; at: Date }): Promise<string> {
  const row = await db().signInSession.create({
    data: { userId: data.userId, deviceLabel: data.deviceLabel, createdAt: data.at, lastSeenAt: data.at },
    select: { id: true },
  });
  return row.id;
}

/**
 * The person behind a live session, in one round trip: the row is touched only when its last
 * sighting is older than `touchBefore`, so a busy browser costs one indexed read per request
 * and a write every few minutes. A session unseen since `idleSince` is over.
 */
export async function findLiveSession(sessionId: string, at: Date, touchBefore: Date, idleSince: Date): Promise<LiveSessionRow | null> {
  const rows = await db().$queryRaw<LiveSessionRow[]>`
    WITH touched AS (
      UPDATE "SignInSession" SET "lastSeenAt" = ${at}
      WHERE id = ${sessionId} AND "endedAt" IS NULL AND "lastSeenAt" < ${touchBefore} AND "lastSeenAt" > ${idleSince}
      RETURNING id
    )
    SELECT s."userId", u.handle, u."isAdmin" FROM "SignInSession" s
    JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId} AND s."endedAt" IS NULL AND s."lastSeenAt" > ${idleSince}`;
  return rows[0] ?? null;
}

export async function listLiveSessions(userId: string, idleSince: Date): Promise<DeviceRow[]> {
  return db().signInSession.findMany({
    where: { userId, endedAt: null, lastSeenAt: { gt: idleSince } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, deviceLabel: true, createdAt: true, lastSeenAt: true },
    take: 100,
  });
}

/** Ends one of the person's sessions; 0 when it is not theirs or already over. */
export async function endSession(userId: string, sessionId: string, at: Date): Promise<number> {
  const { count } = await db().signInSession.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { endedAt: at } });
  return count;
}

/** Ends every session of the person but `keep` (none kept when null); inside the caller's transaction when given one. */
export async function endSessionsExcept(userId: string, keep: string | null, at: Date, client: Client = db()): Promise<number> {
  const { count } = await client.signInSession.updateMany({
    where: { userId, endedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { endedAt: at },
  });
  return count;
}

export async function setConfirmedAt(userId: string, sessionId: string, at: Date): Promise<void> {
  await db().signInSession.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { confirmedAt: at } });
}

export async function findConfirmedAt(userId: string, sessionId: string): Promise<Date | null> {
  const row = await db().signInSession.findFirst({ where: { id: sessionId, userId, endedAt: null }, select: { confirmedAt: true } });
  return row?.confirmedAt ?? null;
}
