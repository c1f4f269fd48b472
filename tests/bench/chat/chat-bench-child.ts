/**
 * The chat benchmark's service measurement (server-only code needs the react-server condition):
 *   node --conditions=react-server --import tsx tests/bench/chat/chat-bench-child.ts
 * with DATABASE_URL and CHAT_BENCH_CASES (JSON: label, viewer, and a conversationId to open or
 * none for the chats list). Opening is getConversation then listMessages at the first unread,
 * as the conversation page needs both. Counts each case's SQL statements (warm) and times it.
 * Prints one JSON line; `skipped` says why nothing was measured.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { countStatements, describeStatements } from '../feed/statement-count';
import { median } from '../realtime/stats';

export type ServiceCase = { label: string; viewer: { id: string; handle: string }; conversationId?: string };
export type ServiceFigure = { label: string; statements: number; sql: string[]; medianMs: number; items: number };

type Viewer = { kind: 'person'; id: string; handle: string; isAdmin: boolean };
type ChatApi = {
  listChats?: (viewer: Viewer, input?: object) => Promise<{ chats: unknown[] }>;
  getConversation?: (viewer: Viewer, conversationId: string) => Promise<unknown>;
  listMessages?: (viewer: Viewer, input: { conversationId: string }) => Promise<{ messages: unknown[] }>;
};

const print = (figures: object) => console.log(JSON.stringify(figures));
const cases = JSON.parse(process.env.CHAT_BENCH_CASES ?? '[]') as ServiceCase[];
if (!existsSync('lib/chat/index.ts')) {
  print({ skipped: 'lib/chat/index.ts does not exist yet' });
  process.exit(0);
}
const chat = (await import('@/lib/chat/index')) as ChatApi;
const { listChats, getConversation, listMessages } = chat;
if (!listChats || !getConversation || !listMessages) {
  print({ skipped: 'lib/chat/index.ts does not export listChats, getConversation and listMessages' });
  process.exit(0);
}

const figures: ServiceFigure[] = [];
for (const item of cases) {
  const viewer: Viewer = { kind: 'person', ...item.viewer, isAdmin: false };
  const conversationId = item.conversationId;
  const work = conversationId
    ? async () => {
        await getConversation(viewer, conversationId);
        return (await listMessages(viewer, { conversationId })).messages.length;
      }
    : async () => (await listChats(viewer, {})).chats.length;
  // The first call opens connections and warms caches; the count is of a warm call.
  await work();
  const counted = await countStatements(work);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  figures.push({ label: item.label, statements: counted.statements.length, sql: describeStatements(counted.statements), medianMs: median(times), items: counted.result });
}
print({ figures });
process.exit(0);
