import { z } from 'zod';
import { AppError } from '@/lib/core/errors';
import { currencySchema, decimalAmountSchema, minorAmountSchema, type Currency } from './money';

/** Idempotency keys come from the caller (a form's hidden field, another domain's id). */
export const idempotencyKeySchema = z.string().trim().min(8, 'pay.keyInvalid').max(100, 'pay.keyInvalid').regex(/^[\w:.-]+$/, 'pay.keyInvalid');

export const transferInputSchema = z.object({
  to: z.string().min(1).max(40),
  amount: minorAmountSchema,
  currency: currencySchema,
  note: z.string().trim().max(140, 'pay.noteTooLong').default(''),
  context: z.string().trim().max(80).default(''),
  idempotencyKey: idempotencyKeySchema,
});
export type TransferInput = z.input<typeof transferInputSchema>;

/** The wallet form: a handle and a decimal amount as typed. */
export const transferFormSchema = z.object({
  handle: z.string().trim().toLowerCase().min(1, 'pay.recipientMissing').max(30),
  amount: decimalAmountSchema,
  currency: currencySchema,
  note: z.string().trim().max(140, 'pay.noteTooLong').default(''),
  idempotencyKey: idempotencyKeySchema,
  password: z.string().max(200).optional(),
});

export const redPacketInputSchema = z
  .object({
    eligible: z.array(z.string().min(1).max(40)).min(1, 'pay.packetNobody').max(500),
    shares: z.number().int().min(1, 'pay.packetShares').max(200, 'pay.packetShares'),
    total: minorAmountSchema,
    currency: currencySchema,
    mode: z.enum(['equal', 'random']),
    context: z.string().trim().max(80).default(''),
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((input) => input.total >= input.shares, { message: 'pay.packetTooSmall', path: ['total'] });
export type RedPacketInput = z.input<typeof redPacketInputSchema>;

/**
 * Parses a service's input, as other domains call it (not through a form): the first problem
 * becomes a field error under its field (or `fallbackField`), in pay's own words.
 */
export function parseServiceInput<S extends z.ZodType>(schema: S, input: unknown, fallbackField: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new AppError('INVALID', 'checkFields', { [String(issue.path[0] ?? fallbackField)]: issue.message.startsWith('pay.') ? issue.message : 'invalidField' });
}

export const idSchema = z.object({ id: z.string().min(1).max(40) });

export type TransferDto = {
  id: string;
  senderId: string;
  receiverId: string;
  amount: number;
  currency: Currency;
  note: string;
  context: string;
  status: 'PENDING' | 'ACCEPTED' | 'RETURNED';
  expiresAt: Date;
  createdAt: Date;
};

export type RedPacketDto = {
  id: string;
  senderId: string;
  total: number;
  currency: Currency;
  shareCount: number;
  mode: 'EQUAL' | 'RANDOM';
  context: string;
  status: 'OPEN' | 'FINISHED' | 'EXPIRED';
  expiresAt: Date;
  createdAt: Date;
  claims: { personId: string; amount: number; claimedAt: Date }[];
  /** Only for the sender and the eligible; strangers learn nothing. */
  eligibleIds: string[];
};
