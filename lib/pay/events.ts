import { z } from 'zod';

/** Realtime events of the pay domain, on the people's own user channels. */
export const payEvents = {
  /** A balance changed: refetch the wallet. */
  balance: 'pay.balance',
  transfer: 'pay.transfer',
  redPacket: 'pay.redpacket',
} as const;

export const balanceChangedSchema = z.object({ currency: z.string() });
export const transferChangedSchema = z.object({ id: z.string(), status: z.enum(['PENDING', 'ACCEPTED', 'RETURNED']) });
export const redPacketChangedSchema = z.object({ id: z.string(), change: z.enum(['created', 'claimed', 'finished', 'expired']) });
