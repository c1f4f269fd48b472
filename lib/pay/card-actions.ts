'use server';
import { z } from 'zod';
import { action } from '@/lib/core/action';
import { publicOrigin } from '@/lib/core/request';
import { startTopUp } from './cards';
import { currencySchema, decimalAmountSchema } from './money';
import { idempotencyKeySchema } from './schemas';

const topUpSchema = z.object({ amount: decimalAmountSchema, currency: currencySchema, idempotencyKey: idempotencyKeySchema });

/** Opens Stripe Checkout for a wallet top-up; the browser goes to the returned URL. */
export const startTopUpAction = action(topUpSchema, async (input, { viewer }) => ({
  url: await startTopUp(viewer, { amount: input.amount, currency: input.currency, key: input.idempotencyKey }, publicOrigin()),
}));
