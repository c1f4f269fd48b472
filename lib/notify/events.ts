import { z } from 'zod';

/**
 * Realtime events of the notify domain, on the recipient's own user channel. Each carries the
 * new unread count, so every open tab shows the right badge without asking again.
 */
export const notifyEvents = {
  created: 'notification.created',
  read: 'notification.read',
} as const;

export const notificationCreatedSchema = z.object({ id: z.string(), kind: z.string(), unread: z.number().int().min(0) });
export const notificationsReadSchema = z.object({ unread: z.number().int().min(0) });
