import 'server-only';
import { now } from '@/lib/core/clock';
import type { Viewer } from '@/lib/core/session';
import { occupiedUserChannels, parseChannel, publishToEach, userChannel } from '@/lib/realtime';
import * as accounts from './db';
import { accountEvents, type PersonStatus } from './events';

/**
 * Who is online. A person is online while one of their browsers keeps its realtime user channel
 * open; the realtime server says so through webhooks, and the worker reconciles with the server
 * now and then in case a webhook was lost. Friends hear of changes on their own user channels,
 * which works for any number of friends, unlike a presence channel (at most 100 members).
 */

function toStatus(row: accounts.PresenceRow): PersonStatus {
  return { personId: row.id, online: row.onlineSince !== null, lastSeenAt: row.lastSeenAt?.toISOString() ?? null };
}

/** Tells each changed person's friends on their own channels (one query for everyone's friends). */
async function announce(changed: accounts.PresenceRow[]): Promise<void> {
  if (changed.length === 0) return;
  const friendsOf = await accounts.findFriendIdsOf(changed.map((row) => row.id));
  for (const row of changed) await publishToEach((friendsOf.get(row.id) ?? []).map(userChannel), accountEvents.status, toStatus(row));
}

/** Trusted input only: called with a verified realtime webhook's user channels. */
export async function recordUserChannels(channels: string[], online: boolean): Promise<void> {
  const ids = channels.flatMap((name) => {
    const channel = parseChannel(name);
    return channel?.access === 'private' && channel.scope === 'user' ? [channel.id] : [];
  });
  await announce(await accounts.setOnline(ids, online, now()));
}

/** Makes stored status match the realtime server's open user channels. */
export async function reconcileOnlineStatus(): Promise<{ online: number; offline: number }> {
  const open = new Set((await occupiedUserChannels()).flatMap((name) => parseChannel(name)?.id ?? []));
  const stored = await accounts.findOnlineIds();
  const cameOnline = await accounts.setOnline([...open], true, now());
  const wentOffline = await accounts.setOnline(stored.filter((id) => !open.has(id)), false, now());
  await announce([...cameOnline, ...wentOffline]);
  return { online: cameOnline.length, offline: wentOffline.length };
}

/** Friends' status for the viewer; people who are not the viewer's friends are left out. */
export async function getFriendsStatus(viewer: Viewer, ids: string[]): Promise<Map<string, PersonStatus>> {
  const rows = await accounts.findFriendsPresence(viewer.id, ids);
  return new Map(rows.map((row) => [row.id, toStatus(row)]));
}
