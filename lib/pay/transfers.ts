import 'server-only';
import { getPeopleSummaries } from '@/lib/account';
import { now } from '@/lib/core/clock';
import { enqueue } from '@/lib/core/jobs';
import { AppError, notFound } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import * as records from './db';
import { inTransaction, post } from './ledger';
import { transferChanged } from './notices';
import { authorizeWalletDebit, debitProofs } from './policy';
import { parseServiceInput, transferInputSchema, type TransferDto, type TransferInput } from './schemas';

/** An unaccepted transfer goes back to the sender after this long (issue: 24 hours). */
export const transferHoldMs = 24 * 60 * 60 * 1000;
export const transferReturnJob = 'pay.transfer.return';

export function toTransferDto(row: records.TransferRow): TransferDto {
  return { ...row, amount: Number(row.amount) };
}

function parse(input: TransferInput) {
  return parseServiceInput(transferInputSchema, input, 'amount');
}

/**
 * Sends money to a person: it leaves the sender's wallet now and waits in their holding until
 * the receiver accepts (or it returns after 24 hours). The same idempotency key from the same
 * sender sends once, however often it is retried.
 */
export async function transfer(viewer: Viewer, input: TransferInput): Promise<TransferDto> {
  const data = parse(input);
  if (data.to === viewer.id) throw new AppError('INVALID', 'checkFields', { to: 'pay.toSelf' });
  // Nobody can pay someone who blocked them, or who does not exist: the same answer for both.
  if (!(await getPeopleSummaries(viewer, [data.to])).has(data.to)) throw notFound();
  const at = now();
  const proofs = await debitProofs(viewer);
  const { transfer: row, created } = await inTransaction(async (tx) => {
    await authorizeWalletDebit(tx, viewer, data, proofs);
    const inserted = await records.insertTransfer(tx, {
      senderId: viewer.id,
      receiverId: data.to,
      amount: BigInt(data.amount),
      currency: data.currency,
      note: data.note,
      context: data.context,
      idempotencyKey: `${viewer.id}:${data.idempotencyKey}`,
      expiresAt: new Date(at.getTime() + transferHoldMs),
    });
    if (!inserted.created) return inserted;
    await enqueue(transferReturnJob, { transferId: inserted.transfer.id }, { runAt: inserted.transfer.expiresAt, dedupeKey: `${transferReturnJob}:${inserted.transfer.id}` }, tx);
    await post(tx, {
      idempotencyKey: `transfer:${inserted.transfer.id}:sent`,
      kind: 'transfer.sent',
      currency: data.currency,
      meta: { transferId: inserted.transfer.id, counterpartyId: data.to, context: data.context },
      entries: [
        { account: { kind: 'WALLET', ownerId: viewer.id }, amount: -data.amount },
        { account: { kind: 'HOLDING', ownerId: viewer.id }, amount: data.amount },
      ],
    });
    return inserted;
  });
  const dto = toTransferDto(row);
  if (!created && (dto.receiverId !== data.to || dto.amount !== data.amount || dto.currency !== data.currency)) {
    throw new AppError('CONFLICT', 'pay.keyReused');
  }
  if (created) await transferChanged({ transfer: dto, change: 'sent' });
  return dto;
}

/** Settling is one posting key for both outcomes, so accept and return can never both happen. */
async function settle(row: records.TransferRow, to: 'ACCEPTED' | 'RETURNED', tx: Parameters<Parameters<typeof inTransaction>[0]>[0]) {
  const payee = to === 'ACCEPTED' ? row.receiverId : row.senderId;
  await post(tx, {
    idempotencyKey: `transfer:${row.id}:settled`,
    kind: to === 'ACCEPTED' ? 'transfer.accepted' : 'transfer.returned',
    currency: row.currency,
    meta: { transferId: row.id, counterpartyId: to === 'ACCEPTED' ? row.senderId : row.receiverId, context: row.context },
    entries: [
      { account: { kind: 'HOLDING', ownerId: row.senderId }, amount: -Number(row.amount) },
      { account: { kind: 'WALLET', ownerId: payee }, amount: Number(row.amount) },
    ],
  });
}

/** The receiver takes the money into their wallet. Only the receiver, only while pending. */
export async function acceptTransfer(viewer: Viewer, id: string): Promise<TransferDto> {
  const existing = await records.findTransfer(id);
  if (!existing || (existing.receiverId !== viewer.id && existing.senderId !== viewer.id)) throw notFound();
  if (existing.receiverId !== viewer.id) throw new AppError('FORBIDDEN', 'pay.onlyReceiverAccepts');
  const row = await inTransaction(async (tx) => {
    const resolved = await records.resolveTransfer(tx, id, 'ACCEPTED', { receiverId: viewer.id, liveAt: now() }, now());
    if (resolved) await settle(resolved, 'ACCEPTED', tx);
    return resolved;
  });
  if (!row) throw new AppError('CONFLICT', existing.status === 'PENDING' ? 'pay.transferExpired' : 'pay.transferSettled');
  const dto = toTransferDto(row);
  await transferChanged({ transfer: dto, change: 'accepted' });
  return dto;
}

/** The job for one transfer, due when it expires: back to the sender unless accepted by then. */
export async function returnTransferIfExpired(id: string): Promise<boolean> {
  const row = await inTransaction(async (tx) => {
    const resolved = await records.resolveTransfer(tx, id, 'RETURNED', { expiredBy: now() }, now());
    if (resolved) await settle(resolved, 'RETURNED', tx);
    return resolved;
  });
  if (row) await transferChanged({ transfer: toTransferDto(row), change: 'returned' });
  return row !== null;
}

/** Catch-up sweep over every expired transfer (the per-transfer jobs normally do this). */
export async function returnExpiredTransfers(): Promise<number> {
  let returned = 0;
  for (const id of await records.findExpiredTransferIds(now(), 200)) if (await returnTransferIfExpired(id)) returned += 1;
  return returned;
}

export async function getTransfer(viewer: Viewer, id: string): Promise<TransferDto> {
  const row = await records.findTransfer(id);
  if (!row || (row.senderId !== viewer.id && row.receiverId !== viewer.id)) throw notFound();
  return toTransferDto(row);
}

export async function listTransfersWaitingForMe(viewer: Viewer): Promise<TransferDto[]> {
  return (await records.listPendingTransfersTo(viewer.id)).map(toTransferDto);
}
