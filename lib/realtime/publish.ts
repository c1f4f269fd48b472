import 'server-only';
import { env } from '@/lib/core/env';
import { userChannel } from './channels';
import { pusherSdk } from './sdk';
import type { RealtimeClientSettings } from './settings';

const channelsPerTrigger = 100;

/**
 * Sends an event after the caller's transaction has committed (DESIGN.md rule 4). Realtime is a
 * courtesy on top of stored state: when the realtime server is away the change still stands,
 * and clients refetch when they reconnect, so a failed publish is logged, never thrown.
 */
export async function publish(channel: string, event: string, payload: unknown): Promise<void> {
  await publishToEach([channel], event, payload);
}

/** One event to many channels, at most 100 per call as the protocol allows. */
export async function publishToEach(channels: string[], event: string, payload: unknown): Promise<void> {
  const sdk = pusherSdk();
  for (let start = 0; start < channels.length; start += channelsPerTrigger) {
    try {
      await sdk.trigger(channels.slice(start, start + channelsPerTrigger), event, payload);
    } catch (error) {
      console.warn(`realtime: could not publish ${event}: ${error instanceof Error ? error.message : error}`);
    }
  }
}

/**
 * Takes `channel` away from sockets that already hold it, after the caller's transaction has
 * withdrawn someone's permission: with `userId`, only that member's connections to a presence
 * channel; otherwise every subscriber, and the app's channel authorization lets the others
 * straight back in. A Plaza extension of the HTTP API (docs/decisions/007): Pusher Channels and
 * Soketi answer it with an error, which is logged like a failed publish, never thrown.
 */
export async function revokeChannel(channel: string, userId?: string): Promise<void> {
  try {
    // The SDK JSON-encodes `body` itself (node_modules/pusher/lib/requests.js); its typings
    // call it a string, and a string would be encoded a second time.
    const body = (userId ? { user_id: userId } : {}) as unknown as string;
    await pusherSdk().post({ path: `/channels/${encodeURIComponent(channel)}/revoke`, body });
  } catch (error) {
    console.warn(`realtime: could not revoke ${channel}: ${error instanceof Error ? error.message : error}`);
  }
}

/** Which user channels are open right now: who is online, as the realtime server sees it. */
export async function occupiedUserChannels(): Promise<string[]> {
  const response = await pusherSdk().get({ path: '/channels', params: { filter_by_prefix: 'private-user-' } });
  const body = (await response.json()) as { channels?: Record<string, unknown> };
  return Object.keys(body.channels ?? {});
}

/**
 * An event for each of these people whose app is open right now: a large audience costs one
 * channel query instead of a trigger per person. Like `publish`, it never throws.
 */
export async function publishToOpenUserChannels(personIds: string[], event: string, payload: unknown): Promise<void> {
  let open: Set<string>;
  try {
    open = new Set(await occupiedUserChannels());
  } catch (error) {
    console.warn(`realtime: could not publish ${event}: ${error instanceof Error ? error.message : error}`);
    return;
  }
  await publishToEach(personIds.map(userChannel).filter((channel) => open.has(channel)), event, payload);
}

export function realtimeClientSettings(): RealtimeClientSettings {
  const config = env();
  return {
    key: config.PUSHER_KEY,
    host: config.PUSHER_HOST,
    port: config.PUSHER_PORT,
    useTLS: config.PUSHER_USE_TLS,
    cluster: config.PUSHER_CLUSTER,
  };
}
