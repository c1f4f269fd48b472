/**
 * Gives a person many old group chats, for end-to-end tests of a long chats list:
 * `node --conditions=react-server --import tsx tests/support/chat-old-chats.ts <handle> <count>`.
 * The rows are written directly, as a year of chatting would have left them ("Old club 0" is
 * the oldest); run as its own process because the database modules are server-only.
 */
import { db } from '@/lib/core/db';

async function main() {
  const [handle, count] = process.argv.slice(2);
  const person = await db().user.findUnique({ where: { handle: handle ?? '' }, select: { id: true } });
  if (!person || !/^\d+$/.test(count ?? '')) throw new Error(`chat-old-chats: no person @${handle}, or a bad count ${count}`);
  const start = Date.now() - 365 * 24 * 60 * 60 * 1000;
  const clubs = await db().conversation.createManyAndReturn({
    data: Array.from({ length: Number(count) }, (_, index) => ({ kind: 'GROUP' as const, title: `Old club ${index}`, createdById: person.id, lastActivityAt: new Date(start + index * 60_000) })),
    select: { id: true },
  });
  await db().conversationMember.createMany({ data: clubs.map((club) => ({ conversationId: club.id, memberId: person.id, role: 'ADMIN' as const })) });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
