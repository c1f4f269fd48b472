import 'server-only';
import { hasVerifiedEmail, lastStepUpAt } from '@/lib/account';
import { now } from '@/lib/core/clock';
import { env } from '@/lib/core/env';
import { AppError } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { lockWalletAndSumDebits, type Tx } from './ledger';
import type { Currency } from './money';

/**
 * Who may move which money. One rule for every debit a person starts from their wallet — a
 * transfer, a red packet (in chat or not), a wallet checkout, and later payouts and payout
 * accounts: it counts towards a rolling total per person and currency, and past the daily
 * allowance the person proves it is them (their password, or a fresh sign-in for accounts
 * without one) on this device within the last few minutes. A borrowed unlocked phone can then
 * neither empty a wallet in one go nor in many small sends. Refunds, returns and escrow
 * releases are credits, not debits a person starts, and never count.
 */
export const stepUpWindowMs = 24 * 60 * 60 * 1000;
export const stepUpLifetimeMs = 5 * 60 * 1000;

/** Posting kinds that are debits a person starts from their own wallet. */
export const personDebitKinds = ['transfer.sent', 'redpacket.sent', 'charge'] as const;

export const reauthRequired = () => new AppError('REAUTH_REQUIRED', 'pay.reauthRequired', { password: 'pay.reauthRequired' });

export type DebitProofs = { steppedUpAt: Date | null };

/**
 * What the account says about the payer, read before the debit's transaction (so a transaction
 * never waits on a second connection): the address must be verified; the step-up time is kept.
 */
export async function debitProofs(viewer: Viewer): Promise<DebitProofs> {
  const [verified, steppedUpAt] = await Promise.all([hasVerifiedEmail(viewer.id), lastStepUpAt(viewer)]);
  if (!verified) throw new AppError('FORBIDDEN', 'pay.verifyEmailToSend');
  return { steppedUpAt };
}

/**
 * Asked first inside the debit's own transaction: the payer's wallet row lock makes parallel
 * debits take their turn, so two of them cannot both slip under the allowance.
 */
export async function authorizeWalletDebit(tx: Tx, viewer: Viewer, debit: { amount: number; currency: Currency }, proofs: DebitProofs): Promise<void> {
  const at = now();
  const spent = await lockWalletAndSumDebits(tx, viewer.id, debit.currency, personDebitKinds, new Date(at.getTime() - stepUpWindowMs));
  if (spent + debit.amount <= env().PAY_STEP_UP_PER_DAY_MINOR) return;
  const steppedUpAt = proofs.steppedUpAt;
  if (!steppedUpAt || at.getTime() - steppedUpAt.getTime() > stepUpLifetimeMs) throw reauthRequired();
}
