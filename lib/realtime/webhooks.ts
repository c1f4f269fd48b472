import 'server-only';
import { z } from 'zod';
import { forbidden } from '@/lib/core/errors';
import { pusherSdk } from './sdk';

const webhookEventSchema = z.discriminatedUnion('name', [
  z.object({ name: z.enum(['channel_occupied', 'channel_vacated']), channel: z.string().max(200) }),
  z.object({ name: z.enum(['member_added', 'member_removed']), channel: z.string().max(200), user_id: z.string().max(200) }),
]);
export type RealtimeWebhookEvent = z.output<typeof webhookEventSchema>;

/**
 * Reads a webhook only when the app secret signed it (X-Pusher-Key, X-Pusher-Signature, checked
 * by the SDK). Events of kinds Plaza does not use are skipped, not refused.
 */
export function readWebhook(headers: Headers, rawBody: string): { events: RealtimeWebhookEvent[] } {
  const header = (name: string) => headers.get(name) ?? '';
  const webhook = pusherSdk().webhook({
    headers: { 'x-pusher-key': header('x-pusher-key'), 'x-pusher-signature': header('x-pusher-signature'), 'content-type': header('content-type') },
    rawBody,
  });
  if (!webhook.isValid()) throw forbidden();
  const raw: unknown = webhook.getEvents();
  const events = Array.isArray(raw) ? raw : [];
  return { events: events.flatMap((event) => webhookEventSchema.safeParse(event).data ?? []) };
}
