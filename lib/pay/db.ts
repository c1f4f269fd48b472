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
export async function removeEligible(packetIds: string[], personId: string): Promise<void> {
  await db().$executeRaw`UPDATE "RedPacket" SET "eligibleIds" = array_remove("eligibleIds", ${personId}) WHERE id = ANY(${packetIds}::text[]) AND status = 'OPEN'`;
}

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

// ---- Card payments and charges -------------------------------------------------------------

export type CardPaymentRow = { id: string; sessionId: string; personId: string; purpose: string; chargeId: string | null; amount: bigint; currency: Currency; status: 'OPEN' | 'PAID' | 'EXPIRED' | 'FAILED' };

export async function insertCardPayment(data: { sessionId: string; personId: string; purpose: string; chargeId?: string; amount: number; currency: Currency }, tx?: Tx): Promise<void> {
  await (tx ?? db()).cardPayment.upsert({
    where: { sessionId: data.sessionId },
    create: { ...data, chargeId: data.chargeId ?? null, amount: BigInt(data.amount) },
    update: {},
  });
}

/** Marks a session paid once: the first caller gets the row back, every later one gets null. */
export async function markCardPaymentPaid(tx: Tx, sessionId: string, paymentIntentId: string | null, at: Date): Promise<CardPaymentRow | null> {
  const rows = await tx.$queryRaw<CardPaymentRow[]>`
    UPDATE "CardPayment" SET status = 'PAID', "paymentIntentId" = ${paymentIntentId}, "paidAt" = ${at}
    WHERE "sessionId" = ${sessionId} AND status <> 'PAID'
    RETURNING id, "sessionId", "personId", purpose, "chargeId", amount, currency::text AS currency, status::text AS status`;
  return rows[0] ?? null;
}

export async function markCardPaymentClosed(tx: Tx, sessionId: string, status: 'EXPIRED' | 'FAILED'): Promise<void> {
  await tx.cardPayment.updateMany({ where: { sessionId, status: 'OPEN' }, data: { status } });
}

export async function findCardPaymentForCharge(chargeId: string) {
  return db().cardPayment.findFirst({ where: { chargeId, status: 'PAID' }, select: { paymentIntentId: true } });
}

/** Records a Stripe event as handled; false when it was handled before (or is being, concurrently). */
export async function recordStripeEvent(tx: Tx, id: string, type: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`INSERT INTO "StripeEvent" (id, type) VALUES (${id}, ${type}) ON CONFLICT (id) DO NOTHING RETURNING id`;
  return rows.length === 1;
}

export type ChargeRow = {
  id: string;
  payerId: string;
  payeeId: string;
  purpose: string;
  reference: string;
  amount: bigint;
  fee: bigint;
  refunded: bigint;
  currency: Currency;
  status: 'PENDING' | 'SETTLED' | 'FAILED';
  method: string;
  createdAt: Date;
  settledAt: Date | null;
};

export async function insertCharge(tx: Tx, data: { payerId: string; payeeId: string; purpose: string; reference: string; amount: number; fee: number; currency: Currency; method: string; idempotencyKey: string }): Promise<{ charge: ChargeRow; created: boolean }> {
  const rows = await tx.$queryRaw<ChargeRow[]>`
    INSERT INTO "Charge" (id, "payerId", "payeeId", purpose, reference, amount, fee, currency, method, "idempotencyKey")
    VALUES (gen_random_uuid()::text, ${data.payerId}, ${data.payeeId}, ${data.purpose}, ${data.reference}, ${data.amount}, ${data.fee}, ${data.currency}::"Currency", ${data.method}, ${data.idempotencyKey})
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING *`;
  if (rows[0]) return { charge: rows[0], created: true };
  return { charge: (await tx.charge.findUniqueOrThrow({ where: { idempotencyKey: data.idempotencyKey } })) as ChargeRow, created: false };
}

export async function settleCharge(tx: Tx, id: string, at: Date): Promise<ChargeRow | null> {
  const rows = await tx.$queryRaw<ChargeRow[]>`UPDATE "Charge" SET status = 'SETTLED', "settledAt" = ${at} WHERE id = ${id} AND status = 'PENDING' RETURNING *`;
  return rows[0] ?? null;
}

/** Adds to what was refunded, never past the amount, under the row's lock. */
export async function addRefund(tx: Tx, id: string, amount: number): Promise<ChargeRow | null> {
  const rows = await tx.$queryRaw<ChargeRow[]>`
    UPDATE "Charge" SET refunded = refunded + ${amount} WHERE id = ${id} AND status = 'SETTLED' AND refunded + ${amount} <= amount RETURNING *`;
  return rows[0] ?? null;
}

export async function findCharge(id: string): Promise<ChargeRow | null> {
  return (await db().charge.findUnique({ where: { id } })) as ChargeRow | null;
}

export async function findCardPaymentStatus(sessionId: string, personId: string) {
  return db().cardPayment.findFirst({ where: { sessionId, personId }, select: { status: true } });
}

/** Open packets the person may still claim a share of. */
export async function findPacketsWaitingFor(personId: string, at: Date): Promise<PacketRow[]> {
  return db().$queryRaw<PacketRow[]>`
    SELECT p.* FROM "RedPacket" p
    WHERE p.status = 'OPEN' AND p."expiresAt" > ${at} AND ${personId} = ANY(p."eligibleIds")
      AND NOT EXISTS (SELECT 1 FROM "RedPacketShare" s WHERE s."packetId" = p.id AND s."claimantId" = ${personId})
    ORDER BY p."createdAt" DESC
    LIMIT 20`;
}
