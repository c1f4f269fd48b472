import 'server-only';
import { getPeopleSummaries } from '@/lib/account';
import { now } from '@/lib/core/clock';
import { AppError, forbidden, notFound } from '@/lib/core/errors';
import type { SystemViewer, Viewer } from '@/lib/core/session';
import { z } from 'zod';
import * as records from './db';
import { authorizeWalletDebit, debitProofs } from './policy';
import { feeFor, feeRefundedBy } from './fees';
import { balancesOf, inTransaction, post, type AccountRef, type Tx } from './ledger';
import { currencySchema, minorAmountSchema, type Currency } from './money';
import { idempotencyKeySchema, parseServiceInput } from './schemas';
import { cardPaymentsAvailable, requireStripeClient } from './stripe';

/** What another domain sells: an order, a booking. The purpose decides the platform fee. */
export const chargeInputSchema = z.object({
  payee: z.string().min(1).max(40),
  amount: minorAmountSchema,
  currency: currencySchema,
  purpose: z.string().regex(/^[a-z][a-z0-9_-]{1,30}$/),
  reference: z.string().min(1).max(100),
  idempotencyKey: idempotencyKeySchema,
});
export type ChargeInput = z.input<typeof chargeInputSchema>;

export type ChargeDto = { id: string; payerId: string; payeeId: string; purpose: string; reference: string; amount: number; fee: number; refunded: number; currency: Currency; status: 'PENDING' | 'SETTLED' | 'FAILED'; method: string };
export type ChargeResult = { charge: ChargeDto; checkoutUrl?: string };

const settledHandlers = new Map<string, ((charge: ChargeDto) => Promise<void> | void)[]>();

/** The calling domain learns that its charge was paid, now (wallet) or later (card, by webhook). */
export function onChargeSettled(purpose: string, handler: (charge: ChargeDto) => Promise<void> | void): void {
  settledHandlers.set(purpose, [...(settledHandlers.get(purpose) ?? []), handler]);
}

export async function announceSettled(charge: ChargeDto): Promise<void> {
  for (const handler of settledHandlers.get(charge.purpose) ?? []) {
    try {
      await handler(charge);
    } catch (error) {
      console.error(`pay: a settlement handler for ${charge.purpose} failed`, error);
    }
  }
}

export function toChargeDto(row: records.ChargeRow): ChargeDto {
  return { ...row, amount: Number(row.amount), fee: Number(row.fee), refunded: Number(row.refunded) };
}

/** The money goes to the seller's payable and the fee to the platform, from wallet or card clearing. */
export async function postSettlement(tx: Tx, charge: records.ChargeRow, from: AccountRef): Promise<void> {
  const amount = Number(charge.amount);
  const fee = Number(charge.fee);
  await post(tx, {
    idempotencyKey: `charge:${charge.id}:settled`,
    kind: 'charge',
    currency: charge.currency,
    meta: { chargeId: charge.id, counterpartyId: charge.payeeId, context: charge.purpose },
    entries: [
      { account: from, amount: -amount },
      { account: { kind: 'SELLER_PAYABLE', ownerId: charge.payeeId }, amount: amount - fee },
      ...(fee > 0 ? [{ account: { kind: 'PLATFORM_FEES' } as AccountRef, amount: fee }] : []),
    ],
  });
}

/**
 * Charges the viewer for something `payee` sells: from the wallet when the balance suffices,
 * otherwise by card through a Checkout Session whose payment settles the charge by webhook.
 */
export async function charge(viewer: Viewer, input: ChargeInput, origin: string): Promise<ChargeResult> {
  const data = parseServiceInput(chargeInputSchema, input, 'amount');
  if (data.payee === viewer.id) throw new AppError('INVALID', 'checkFields', { payee: 'pay.toSelf' });
  if (!(await getPeopleSummaries(viewer, [data.payee])).has(data.payee)) throw notFound();
  const balance = (await balancesOf(viewer.id)).find((row) => row.currency === data.currency)?.balance ?? 0;
  const method = balance >= data.amount ? 'wallet' : 'card';
  if (method === 'card' && !cardPaymentsAvailable()) throw new AppError('PAYMENT_REQUIRED', 'pay.insufficientFunds');

  const fee = feeFor(data.purpose, data.amount);
  const proofs = method === 'wallet' ? await debitProofs(viewer) : { steppedUpAt: null };
  const { charge: row, settled } = await inTransaction(async (tx) => {
    const inserted = await records.insertCharge(tx, { payerId: viewer.id, payeeId: data.payee, purpose: data.purpose, reference: data.reference, amount: data.amount, fee, currency: data.currency, method, idempotencyKey: `${viewer.id}:${data.idempotencyKey}` });
    if (!inserted.created || inserted.charge.method !== 'wallet') return { charge: inserted.charge, settled: null };
    await authorizeWalletDebit(tx, viewer, { amount: data.amount, currency: data.currency }, proofs);
    const done = await records.settleCharge(tx, inserted.charge.id, now());
    await postSettlement(tx, inserted.charge, { kind: 'WALLET', ownerId: viewer.id });
    return { charge: done!, settled: done };
  });
  const dto = toChargeDto(row);
  if (settled) await announceSettled(dto);
  if (dto.status !== 'PENDING' || dto.method !== 'card') return { charge: dto };
  const { startCardPayment } = await import('./cards');
  return { charge: dto, checkoutUrl: await startCardPayment(viewer, { purpose: 'charge', chargeId: dto.id, amount: dto.amount, currency: dto.currency, label: `${dto.purpose} ${dto.reference}` }, origin) };
}

/**
 * Gives money back, in full or in part, to where it came from: the payer's wallet, or their
 * card through a Stripe refund. The payee (the seller) or the system may refund.
 */
export async function refund(viewer: Viewer | SystemViewer, input: { chargeId: string; amount?: number; idempotencyKey: string }): Promise<ChargeDto> {
  const existing = await records.findCharge(input.chargeId);
  if (!existing) throw notFound();
  if (viewer.kind !== 'system' && viewer.id !== existing.payeeId) throw viewer.id === existing.payerId ? forbidden() : notFound();
  const amount = input.amount ?? Number(existing.amount - existing.refunded);
  if (!minorAmountSchema.safeParse(amount).success) throw new AppError('INVALID', 'checkFields', { amount: 'pay.amountPositive' });
  if (existing.status !== 'SETTLED' || amount > Number(existing.amount - existing.refunded)) throw new AppError('CONFLICT', 'pay.refundTooLarge');

  // A card refund goes to Stripe first, under an idempotency key, so a retry cannot refund twice.
  if (existing.method === 'card') {
    const payment = await records.findCardPaymentForCharge(existing.id);
    if (!payment?.paymentIntentId) throw new AppError('CONFLICT', 'pay.refundTooLarge');
    await requireStripeClient().refunds.create({ payment_intent: payment.paymentIntentId, amount, metadata: { chargeId: existing.id } }, { idempotencyKey: `refund:${existing.id}:${input.idempotencyKey}` });
  }
  const row = await inTransaction(async (tx) => {
    const updated = await records.addRefund(tx, existing.id, amount);
    if (!updated) throw new AppError('CONFLICT', 'pay.refundTooLarge');
    const fee = Number(updated.fee);
    const feeBack = feeRefundedBy(fee, Number(updated.amount), Number(updated.refunded)) - feeRefundedBy(fee, Number(updated.amount), Number(updated.refunded) - amount);
    const to: AccountRef = updated.method === 'wallet' ? { kind: 'WALLET', ownerId: updated.payerId } : { kind: 'STRIPE_CLEARING' };
    await post(tx, {
      idempotencyKey: `charge:${updated.id}:refund:${input.idempotencyKey}`,
      kind: 'charge.refund',
      currency: updated.currency,
      meta: { chargeId: updated.id, counterpartyId: updated.payeeId, context: updated.purpose },
      entries: [
        { account: { kind: 'SELLER_PAYABLE', ownerId: updated.payeeId }, amount: -(amount - feeBack) },
        ...(feeBack > 0 ? [{ account: { kind: 'PLATFORM_FEES' } as AccountRef, amount: -feeBack }] : []),
        { account: to, amount },
      ],
    });
    return updated;
  });
  return toChargeDto(row);
}
