import 'server-only';
import { db, Prisma } from '@/lib/core/db';
import { now } from '@/lib/core/clock';
import type { NotificationDto, NotificationKind } from './schemas';

const select = { id: true, kind: true, actorId: true, data: true, readAt: true, createdAt: true } as const;

export async function insertNotification(recipientId: string, kind: NotificationKind, actorId: string | null, data: Record<string, string>) {
  return db().notification.create({ data: { recipientId, kind, actorId, data: data as Prisma.InputJsonValue }, select: { id: true } });
}

/** Newest first, keyset-paginated on (createdAt, id) to match the index. */
export async function listForRecipient(recipientId: string, take: number, before?: { createdAt: Date; id: string }): Promise<NotificationDto[]> {
  const rows = await db().notification.findMany({
    where: {
      recipientId,
      ...(before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as NotificationKind,
    actorId: row.actorId,
    data: (row.data ?? {}) as Record<string, string>,
    read: row.readAt !== null,
    createdAt: row.createdAt,
  }));
}

export async function countUnread(recipientId: string): Promise<number> {
  return db().notification.count({ where: { recipientId, readAt: null } });
}

export async function markRead(recipientId: string, ids?: string[]): Promise<number> {
  const result = await db().notification.updateMany({
    where: { recipientId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now() },
  });
  return result.count;
}
