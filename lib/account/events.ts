import { z } from 'zod';

/** Realtime events of the account domain, sent on each friend's own user channel. */
export const accountEvents = {
  /** A friend came online or went offline. */
  status: 'person.status',
} as const;

export const personStatusSchema = z.object({
  personId: z.string(),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
export type PersonStatus = z.output<typeof personStatusSchema>;
