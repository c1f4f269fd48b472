/**
 * Gives a person many old group chats, for end-to-end tests of a long chats list:
 * `node --conditions=react-server --import tsx tests/support/chat-old-chats.ts <handle> <count>`.
 * "Old club 0" is the oldest. It runs as its own process because the database modules are
 * server-only.
 */
import { db } from '@/lib/core/db';
import { createOldChats } from './chat-fixtures';

async function main() {
  const [handle, count] = process.argv.slice(2);
  const person = await db().user.findUnique({ where: { handle: handle ?? '' }, select: { id: true } });
  if (!person || !/^\d+$/.test(count ?? '')) throw new Error(`chat-old-chats: no person @${handle}, or a bad count ${count}`);
  await createOldChats(person.id, Number(count), 'Old club');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
