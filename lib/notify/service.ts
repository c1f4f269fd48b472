import 'server-only';
import type { Viewer } from '@/lib/core/session';
import { publish, userChannel } from '@/lib/realtime';
import * as notifications from './db';
import { notifyEvents } from './events';
import type { NotificationDto, NotificationKind } from './schemas';

const pageSize = 30;

/**
 * For every domain: tell `recipientId` that something happened. Called after the caller's
 * change has committed, so a notification never describes something that was rolled back.
 */
export async function send(recipientId: string, kind: NotificationKind, opts: { actorId?: string; data?: Record<string, string> } = {}): Promise<void> {
  if (opts.actorId === recipientId) return;
  const created = await notifications.insertNotification(recipientId, kind, opts.actorId ?? null, opts.data ?? {});
  const unread = await notifications.countUnread(recipientId);
  await publish(userChannel(recipientId), notifyEvents.created, { id: created.id, kind, unread });
}

/** A person's own notifications only: the recipient is always the viewer. */
export async function listMyNotifications(viewer: Viewer, before?: { createdAt: Date; id: string }) {
  const items = await notifications.listForRecipient(viewer.id, pageSize + 1, before);
  const last = items[pageSize - 1];
  return {
    items: items.slice(0, pageSize) as NotificationDto[],
    next: items.length > pageSize && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

export async function countMyUnread(viewer: Viewer): Promise<number> {
  return notifications.countUnread(viewer.id);
}

export async function markMyNotificationsRead(viewer: Viewer, ids?: string[]): Promise<{ marked: number }> {
  const marked = await notifications.markRead(viewer.id, ids);
  // The person's other tabs and devices drop their badge too.
  if (marked > 0) await publish(userChannel(viewer.id), notifyEvents.read, { unread: await notifications.countUnread(viewer.id) });
  return { marked };
}
