import 'server-only';
import { randomInt } from 'node:crypto';
import { getPeopleSummaries } from '@/lib/account';
import { now } from '@/lib/core/clock';
import { enqueue } from '@/lib/core/jobs';
import { AppError, notFound } from '@/lib/core/errors';
import type { SystemViewer, Viewer } from '@/lib/core/session';
import * as records from './db';
import { inTransaction, post } from './ledger';
import { redPacketChanged } from './notices';
import { authorizeWalletDebit, debitProofs } from './policy';
import { parseServiceInput, redPacketInputSchema, type RedPacketDto, type RedPacketInput } from './schemas';

export const redPacketHoldMs = 24 * 60 * 60 * 1000;
export const redPacketExpireJob = 'pay.redpacket.expire';

/**
 * Splits `total` into `count` shares of at least one minor unit each. Equal: the remainder goes
 * one unit at a time to the first shares. Random: each share is drawn between 1 and twice the
 * average of what is left (WeChat's way), so nobody's share is absurdly large or zero.
 */
export function splitShares(total: number, count: number, mode: 'equal' | 'random'): number[] {
  if (count < 1 || total < count) throw new Error('Every share needs at least one minor unit');
  if (mode === 'equal') {
    const base = Math.floor(total / count);
    return Array.from({ length: count }, (_, index) => base + (index < total - base * count ? 1 : 0));
  }
  const shares: number[] = [];
  let left = total;
  for (let remaining = count; remaining > 1; remaining--) {
    const most = Math.min(left - (remaining - 1), Math.max(1, Math.floor((2 * left) / remaining)));
    const share = randomInt(1, most + 1);
    shares.push(share);
    left -= share;
  }
  shares.push(left);
  return shares;
}

function parse(input: RedPacketInput) {
  return parseServiceInput(redPacketInputSchema, input, 'total');
}

function toDto(packet: records.PacketRow, shares: records.ShareRow[] = []): RedPacketDto {
  return {
    id: packet.id,
    senderId: packet.senderId,
    total: Number(packet.total),
    currency: packet.currency,
    shareCount: packet.shareCount,
    mode: packet.mode,
    context: packet.context,
    status: packet.status,
    expiresAt: packet.expiresAt,
    createdAt: packet.createdAt,
    eligibleIds: packet.eligibleIds,
    claims: shares.filter((share) => share.claimantId).map((share) => ({ personId: share.claimantId!, amount: Number(share.amount), claimedAt: share.claimedAt! })),
  };
}

/** The money leaves the sender's wallet now and waits in their holding, share by share. */
export async function createRedPacket(viewer: Viewer, input: RedPacketInput): Promise<RedPacketDto> {
  const data = parse(input);
  const eligible = [...new Set(data.eligible)].filter((id) => id !== viewer.id);
  const reachable = await getPeopleSummaries(viewer, eligible);
  if (eligible.length === 0 || eligible.some((id) => !reachable.has(id))) throw new AppError('INVALID', 'checkFields', { eligible: 'pay.packetNobody' });
  const shares = splitShares(data.total, data.shares, data.mode);
  const proofs = await debitProofs(viewer);
  const { packet, created } = await inTransaction(async (tx) => {
    await authorizeWalletDebit(tx, viewer, { amount: data.total, currency: data.currency }, proofs);
    const inserted = await records.insertPacket(
      tx,
      {
        senderId: viewer.id,
        total: BigInt(data.total),
        currency: data.currency,
        shareCount: data.shares,
        mode: data.mode === 'equal' ? 'EQUAL' : 'RANDOM',
        context: data.context,
        eligibleIds: eligible,
        idempotencyKey: `${viewer.id}:${data.idempotencyKey}`,
        expiresAt: new Date(now().getTime() + redPacketHoldMs),
      },
      shares,
    );
    if (inserted.created) {
      await enqueue(redPacketExpireJob, { packetId: inserted.packet.id }, { runAt: inserted.packet.expiresAt, dedupeKey: `${redPacketExpireJob}:${inserted.packet.id}` }, tx);
      await post(tx, {
        idempotencyKey: `redpacket:${inserted.packet.id}:sent`,
        kind: 'redpacket.sent',
        currency: data.currency,
        meta: { packetId: inserted.packet.id, context: data.context },
        entries: [
          { account: { kind: 'WALLET', ownerId: viewer.id }, amount: -data.total },
          { account: { kind: 'HOLDING', ownerId: viewer.id }, amount: data.total },
        ],
      });
    }
    return inserted;
  });
  const dto = toDto(packet);
  if (!created && (dto.total !== data.total || dto.shareCount !== data.shares)) throw new AppError('CONFLICT', 'pay.keyReused');
  if (created) await redPacketChanged({ packet: dto, change: 'created' });
  return dto;
}

/**
 * Someone who left a group (or was removed) can no longer claim what was sent there: the chat
 * names the packets sent in it, and the person leaves their open eligible lists.
 */
export async function withdrawRedPacketEligibility(viewer: SystemViewer, input: { packetIds: string[]; personId: string }): Promise<void> {
  if (viewer.kind !== 'system') throw new AppError('FORBIDDEN', 'forbidden');
  if (input.packetIds.length > 0) await records.removeEligible(input.packetIds, input.personId);
}

/**
 * Takes one share for the viewer, atomically: concurrent claimers get different shares, a
 * person gets at most one, and nobody outside the eligible set gets any.
 */
export async function claimRedPacket(viewer: Viewer, id: string): Promise<{ amount: number; packet: RedPacketDto }> {
  const result = await inTransaction(async (tx) => {
    const packet = await records.findPacketForClaim(tx, id);
    if (!packet || (packet.senderId !== viewer.id && !packet.eligibleIds.includes(viewer.id))) throw notFound();
    if (!packet.eligibleIds.includes(viewer.id)) throw new AppError('FORBIDDEN', 'pay.packetNotForYou');
    if (await records.findClaim(id, viewer.id, tx)) throw new AppError('CONFLICT', 'pay.packetAlreadyClaimed');
    if (packet.status === 'EXPIRED' || packet.expiresAt <= now()) throw new AppError('CONFLICT', 'pay.packetExpired');
    const share = await records.takeShare(tx, id, viewer.id, now());
    if (!share) throw new AppError('CONFLICT', 'pay.packetEmpty');
    await post(tx, {
      idempotencyKey: `redpacket:share:${share.id}`,
      kind: 'redpacket.claimed',
      currency: packet.currency,
      meta: { packetId: id, counterpartyId: packet.senderId, context: packet.context },
      entries: [
        { account: { kind: 'HOLDING', ownerId: packet.senderId }, amount: -Number(share.amount) },
        { account: { kind: 'WALLET', ownerId: viewer.id }, amount: Number(share.amount) },
      ],
    });
    const finished = (await records.countFreeShares(tx, id)) === 0;
    if (finished) await records.setPacketStatus(tx, id, 'FINISHED');
    return { amount: Number(share.amount), finished };
  });
  const packet = await getRedPacket(viewer, id);
  await redPacketChanged({ packet, change: result.finished ? 'finished' : 'claimed', claimantId: viewer.id });
  return { amount: result.amount, packet };
}

/** The job for one packet, due when it expires: what nobody claimed goes back to the sender. */
export async function expireRedPacketIfDue(id: string): Promise<boolean> {
  const packet = await inTransaction(async (tx) => {
    const locked = await records.lockExpiredPacket(tx, id, now());
    if (!locked) return null;
    const remainder = await records.sumFreeShares(tx, id);
    if (remainder > 0) {
      await post(tx, {
        idempotencyKey: `redpacket:${id}:expired`,
        kind: 'redpacket.returned',
        currency: locked.currency,
        meta: { packetId: id, context: locked.context },
        entries: [
          { account: { kind: 'HOLDING', ownerId: locked.senderId }, amount: -remainder },
          { account: { kind: 'WALLET', ownerId: locked.senderId }, amount: remainder },
        ],
      });
    }
    await records.setPacketStatus(tx, id, 'EXPIRED');
    return { ...locked, status: 'EXPIRED' as const };
  });
  if (packet) await redPacketChanged({ packet: toDto(packet), change: 'expired' });
  return packet !== null;
}

/** Catch-up sweep over every expired packet (the per-packet jobs normally do this). */
export async function expireRedPackets(): Promise<number> {
  let expired = 0;
  for (const id of await records.findExpiredPacketIds(now(), 200)) if (await expireRedPacketIfDue(id)) expired += 1;
  return expired;
}

/** The sender and the eligible see who got how much; nobody else sees the packet at all. */
export async function getRedPacket(viewer: Viewer, id: string): Promise<RedPacketDto> {
  const packet = await records.findPacket(id);
  if (!packet || (packet.senderId !== viewer.id && !packet.eligibleIds.includes(viewer.id))) throw notFound();
  return toDto(packet, packet.shares);
}

/** Red packets sent to the viewer that they have not opened yet, newest first. */
export async function listRedPacketsWaitingForMe(viewer: Viewer): Promise<RedPacketDto[]> {
  return (await records.findPacketsWaitingFor(viewer.id, now())).map((packet) => toDto(packet));
}
