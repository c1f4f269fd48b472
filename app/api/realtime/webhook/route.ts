import { recordUserChannels } from '@/lib/account';
import { AppError } from '@/lib/core/errors';
import { readWebhook } from '@/lib/realtime';

/**
 * Webhooks from the realtime server, signed with the app secret. A user channel opening or
 * closing is a person coming online or going offline.
 */
export async function POST(request: Request): Promise<Response> {
  let webhook;
  try {
    webhook = readWebhook(request.headers, await request.text());
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: 'Invalid signature' }, { status: 401 });
    throw error;
  }
  // In order: a channel may close and open again within one batch.
  for (const event of webhook.events) {
    if (event.name === 'channel_occupied' || event.name === 'channel_vacated') await recordUserChannels([event.channel], event.name === 'channel_occupied');
  }
  return Response.json({ ok: true });
}
