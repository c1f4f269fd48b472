import 'server-only';
import { db } from '@/lib/core/db';
import type { Tx } from './ledger';
import type { Currency } from './money';

/** Prisma access for pay's own records (transfers, red packets, charges); the ledger is ledger.ts. */

export type TransferRow = {
  id: string;
  senderId: string;
  receiverId: string;
  amount: bigint;
  currency: Currency;
  note: string;
  context: string;
  status: 'PENDING' | 'ACCEPTED' | 'RETURNED';
  expiresAt: Date;
  createdAt: Date;
  resolvedAt: Date | null;
};

/** Inserts once per idempotency key; a repeat returns the first transfer and `created: false`. */
export async function insertTransfer(tx: Tx, data: Omit<TransferRow, 'id' | 'status' | 'createdAt' | 'resolvedAt'> & { idempotencyKey: string }): Promise<{ transfer: TransferRow; created: boolean }> {
  const rows = await tx.$queryRaw<TransferRow[]>`
    INSERT INTO "Transfer" (id, "senderId", "receiverId", amount, currency, note, context, "idempotencyKey", "expiresAt")
    VALUES (gen_random_uuid()::text, ${data.senderId}, ${data.receiverId}, ${data.amount}, ${data.currency}::"Currency", ${data.note}, ${data.context}, ${data.idempotencyKey}, ${data.expiresAt})
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING *`;
  if (rows[0]) return { transfer: rows[0], created: true };
  return { transfer: (await tx.transfer.findUniqueOrThrow({ where: { idempotencyKey: data.idempotencyKey } })) as TransferRow, created: false };
}

/** Moves a PENDING transfer on; only one of accept and return can ever win. */
export async function resolveTransfer(tx: Tx, id: string, to: 'ACCEPTED' | 'RETURNED', where: { receiverId?: string; expiredBy?: Date; liveAt?: Date }, at: Date): Promise<TransferRow | null> {
  const rows = await tx.$queryRaw<TransferRow[]>`
    UPDATE "Transfer" SET status = ${to}::"TransferStatus", "resolvedAt" = ${at}
    WHERE id = ${id} AND status = 'PENDING'
      AND (${where.receiverId ?? null}::text IS NULL OR "receiverId" = ${where.receiverId ?? null})
      AND (${where.expiredBy ?? null}::timestamp IS NULL OR "expiresAt" <= ${where.expiredBy ?? null})
      AND (${where.liveAt ?? null}::timestamp IS NULL OR "expiresAt" > ${where.liveAt ?? null})
    RETURNING *`;
  return rows[0] ?? null;
}

export async function findTransfer(id: string): Promise<TransferRow | null> {
  return (await db().transfer.findUnique({ where: { id } })) as TransferRow | null;
}

export async function findTransfers(ids: string[]): Promise<TransferRow[]> {
  return ids.length === 0 ? [] : ((await db().transfer.findMany({ where: { id: { in: ids } } })) as TransferRow[]);
}

export async function listPendingTransfersTo(receiverId: string): Promise<TransferRow[]> {
  return (await db().transfer.findMany({ where: { receiverId, status: 'PENDING' }, orderBy: { createdAt: 'desc' }, take: 50 })) as TransferRow[];
}

export async function findExpiredTransferIds(at: Date, take: number): Promise<string[]> {
  const rows = await db().transfer.findMany({ where: { status: 'PENDING', expiresAt: { lte: at } }, select: { id: true }, take });
  return rows.map((row) => row.id);
}

// ---- Red packets ------------------------------------------------------------------------

export type PacketRow = {
  id: string;
  senderId: string;
  total: bigint;
  currency: Currency;
  shareCount: number;
  mode: 'EQUAL' | 'RANDOM';
  context: string;
  eligibleIds: string[];
  status: 'OPEN' | 'FINISHED' | 'EXPIRED';
  expiresAt: Date;
  createdAt: Date;
};
export type ShareRow = { id: string; packetId: string; position: number; amount: bigint; claimantId: string | null; claimedAt: Date | null };

export async function insertPacket(tx: Tx, data: Omit<PacketRow, 'id' | 'status' | 'createdAt'> & { idempotencyKey: string }, shares: number[]): Promise<{ packet: PacketRow; created: boolean }> {
  const rows = await tx.$queryRaw<PacketRow[]>`
    INSERT INTO "RedPacket" (id, "senderId", total, currency, "shareCount", mode, context, "eligibleIds", "idempotencyKey", "expiresAt")
    VALUES (gen_random_uuid()::text, ${data.senderId}, ${data.total}, ${data.currency}::"Currency", ${data.shareCount}, ${data.mode}::"RedPacketMode", ${data.context}, ${data.eligibleIds}::text[], ${data.idempotencyKey}, ${data.expiresAt})
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING *`;
  if (!rows[0]) return { packet: (await tx.redPacket.findUniqueOrThrow({ where: { idempotencyKey: data.idempotencyKey } })) as PacketRow, created: false };
  await tx.redPacketShare.createMany({ data: shares.map((amount, position) => ({ packetId: rows[0]!.id, position, amount })) });
  return { packet: rows[0], created: true };
}

/**
 * Claims of one packet take turns on the packet's row. They would queue on the sender's
 * holding account a moment later anyway; taking the packet first means a claim, the packet
 * finishing and its expiry can never interleave or deadlock.
 */
export async function findPacketForClaim(tx: Tx, id: string): Promise<PacketRow | null> {
  const rows = await tx.$queryRaw<PacketRow[]>`SELECT * FROM "RedPacket" WHERE id = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * Takes the next free share for `claimantId` (under the packet's lock, see findPacketForClaim);
 * the unique (packet, claimant) index refuses a second share for one person regardless.
 */
export async function takeShare(tx: Tx, packetId: string, claimantId: string, at: Date): Promise<ShareRow | null> {
  const rows = await tx.$queryRaw<ShareRow[]>`
    UPDATE "RedPacketShare" SET "claimantId" = ${claimantId}, "claimedAt" = ${at}
    WHERE id = (SELECT id FROM "RedPacketShare" WHERE "packetId" = ${packetId} AND "claimantId" IS NULL ORDER BY position LIMIT 1)
    RETURNING *`;
  return rows[0] ?? null;
}

export async function findClaim(packetId: string, claimantId: string, tx?: Tx): Promise<ShareRow | null> {
  return (tx ?? db()).redPacketShare.findUnique({ where: { packetId_claimantId: { packetId, claimantId } } }) as Promise<ShareRow | null>;
}

export async function countFreeShares(tx: Tx, packetId: string): Promise<number> {
  return tx.redPacketShare.count({ where: { packetId, claimantId: null } });
}

export async function setPacketStatus(tx: Tx, id: string, status: 'FINISHED' | 'EXPIRED'): Promise<void> {
  await tx.redPacket.update({ where: { id }, data: { status } });
}

/** For expiry: the packet locked exclusively, so no claim runs while the remainder returns. */
export async function lockExpiredPacket(tx: Tx, id: string, at: Date): Promise<PacketRow | null> {
  const rows = await tx.$queryRaw<PacketRow[]>`SELECT * FROM "RedPacket" WHERE id = ${id} AND status = 'OPEN' AND "expiresAt" <= ${at} FOR UPDATE`;
  return rows[0] ?? null;
}

export async function sumFreeShares(tx: Tx, packetId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ sum: bigint | null }[]>`SELECT SUM(amount)::bigint AS sum FROM "RedPacketShare" WHERE "packetId" = ${packetId} AND "claimantId" IS NULL`;
  return Number(rows[0]?.sum ?? 0);
}

export async function findPacket(id: string): Promise<(PacketRow & { shares: ShareRow[] }) | null> {
  const packet = await db().redPacket.findUnique({ where: { id } });
  if (!packet) return null;
  const shares = await db().redPacketShare.findMany({ where: { packetId: id }, orderBy: { claimedAt: 'asc' } });
  return { ...(packet as PacketRow), shares: shares as ShareRow[] };
}

export async function findExpiredPacketIds(at: Date, take: number): Promise<string[]> {
  const rows = await db().redPacket.findMany({ where: { status: 'OPEN', expiresAt: { lte: at } }, select: { id: true }, take });
  return rows.map((row) => row.id);
}
