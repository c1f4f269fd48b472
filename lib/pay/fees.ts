/**
 * The platform's fee per purpose, in basis points of the charge (100 = 1 %). Purposes not
 * listed pay no fee. Refunds give back the fee in proportion.
 */
const feeBasisPoints: Record<string, number> = {
  market: 500,
  booking: 300,
};

export function feeFor(purpose: string, amount: number): number {
  return Math.floor((amount * (feeBasisPoints[purpose] ?? 0)) / 10_000);
}

/** The fee share of `refundedTotal` out of `amount`, so partial refunds add up to the whole fee. */
export function feeRefundedBy(fee: number, amount: number, refundedTotal: number): number {
  return Math.floor((fee * refundedTotal) / amount);
}
