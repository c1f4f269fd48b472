/**
 * The feed benchmark's service measurement (server-only code needs the react-server condition):
 *   node --conditions=react-server --import tsx tests/bench/feed/feed-bench-child.ts
 * with DATABASE_URL and FEED_BENCH_VIEWER (JSON: id, handle). Counts the SQL statements of
 * listHomeTimeline's first page and of the page after it, and times the first page. Prints one
 * JSON line; `skipped` says why nothing was measured.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TimelinePage } from '@/lib/feed/schemas';
import { countStatements, describeStatements } from './statement-count';

type Timeline = (viewer: { kind: 'person'; id: string; handle: string; isAdmin: boolean }, options: { cursor?: string }) => Promise<unknown>;

const print = (figures: object) => console.log(JSON.stringify(figures));
const person = JSON.parse(process.env.FEED_BENCH_VIEWER ?? '{}') as { id: string; handle: string };
const viewer = { kind: 'person' as const, id: person.id, handle: person.handle, isAdmin: false };
// Another module may stand in for the feed domain's public API (to compare implementations).
const modulePath = resolve(process.env.FEED_BENCH_TIMELINE_MODULE ?? 'lib/feed/index.ts');

const listHomeTimeline = existsSync(modulePath) ? ((await import(modulePath)) as { listHomeTimeline?: Timeline }).listHomeTimeline : undefined;
if (typeof listHomeTimeline !== 'function') {
  print({ skipped: `${relative(process.cwd(), modulePath)} does not ${existsSync(modulePath) ? 'export listHomeTimeline' : 'exist'} yet` });
  process.exit(0);
}
const timeline = listHomeTimeline;

const page = (result: unknown) => {
  const value = result as TimelinePage;
  return { items: value.items.length, cursor: value.next ?? undefined };
};

// The first call also opens connections; it is counted on its own, then a warm one.
const cold = await countStatements(() => timeline(viewer, {}));
const first = await countStatements(() => timeline(viewer, {}));
const firstPage = page(first.result);
const second = firstPage.cursor ? await countStatements(() => timeline(viewer, { cursor: firstPage.cursor })) : undefined;

const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const started = performance.now();
  await timeline(viewer, {});
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);

print({
  coldStatements: cold.statements.length,
  firstPage: { items: firstPage.items, statements: first.statements.length, sql: describeStatements(first.statements) },
  secondPage: second ? { items: page(second.result).items, statements: second.statements.length, sql: describeStatements(second.statements) } : null,
  medianMs: times[Math.floor(times.length / 2)],
});
process.exit(0);
