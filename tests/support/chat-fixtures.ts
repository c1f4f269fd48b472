import { db } from '@/lib/core/db';

/**
 * Group chats from a year ago, one minute apart ("<title> 0" the oldest), written directly as
 * a year of chatting would have left them: for tests of long chats lists. Returns their ids,
 * oldest first.
 */
export async function createOldChats(personId: string, count: number, title: string): Promise<string[]> {
  const start = Date.now() - 365 * 24 * 60 * 60 * 1000;
  const chats = await db().conversation.createManyAndReturn({
    data: Array.from({ length: count }, (_, index) => ({ kind: 'GROUP' as const, title: `${title} ${index}`, createdById: personId, lastActivityAt: new Date(start + index * 60_000) })),
    select: { id: true },
  });
  await db().conversationMember.createMany({ data: chats.map((chat) => ({ conversationId: chat.id, memberId: personId, role: 'ADMIN' as const })) });
  return chats.map((chat) => chat.id);
}
