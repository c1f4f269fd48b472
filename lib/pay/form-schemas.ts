import { z } from 'zod';
import { currencySchema, decimalAmountSchema } from './money';
import { idempotencyKeySchema } from './schemas';

/** The red packet form: friends ticked, a share count and a decimal total as typed. */
export const redPacketFormSchema = z
  .object({
    eligible: z.array(z.string().min(1).max(40)).min(1, 'pay.packetNobody').max(200, 'pay.packetNobody'),
    shares: z.coerce.number({ message: 'pay.packetShares' }).int('pay.packetShares').min(1, 'pay.packetShares').max(200, 'pay.packetShares'),
    total: decimalAmountSchema,
    currency: currencySchema,
    mode: z.enum(['equal', 'random'], { message: 'pay.packetMode' }),
    idempotencyKey: idempotencyKeySchema,
    // Asked for only past the daily allowance (lib/pay/policy.ts).
    password: z.string().max(200).optional(),
  })
  // More shares than people would leave money nobody can take until it expires.
  .refine((input) => input.shares <= new Set(input.eligible).size, { message: 'pay.packetMoreSharesThanPeople', path: ['shares'] });
export type RedPacketFormInput = z.input<typeof redPacketFormSchema>;

// A GET form sends "" for "all": that means no filter, not a bad one.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The wallet history's filters, as query parameters of /wallet and its CSV statement. */
export const historyQuerySchema = z.object({
  currency: optional(currencySchema),
  direction: optional(z.enum(['in', 'out'])),
  kind: optional(z.enum(['transfers', 'redpackets', 'topups', 'payments'])),
  before: optional(z.string().regex(/^\d{1,19}$/)),
});
export type HistoryQuery = z.output<typeof historyQuerySchema>;
