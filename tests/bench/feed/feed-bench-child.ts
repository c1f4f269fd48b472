/**
 * The feed benchmark's service measurement (server-only code needs the react-server condition):
 *   node --conditions=react-server --import tsx tests/bench/feed/feed-bench-child.ts
 * with DATABASE_URL and FEED_BENCH_VIEWER (JSON: id, handle). Counts the SQL statements of
 * listHomeTimeline's first page and of the page after it, and times the first page. Prints one
 * JSON line; `skipped` says why nothing was measured.
 */
import { performance } from 'node:perf_hooks';
import { countStatements, describeStatements } from './statement-count';

type Timeline = (viewer: { kind: 'person'; id: string; handle: string; isAdmin: boolean }, options: { cursor?: string }) => Promise<unknown>;

const print = (figures: object) => console.log(JSON.stringify(figures));
const person = JSON.parse(process.env.FEED_BENCH_VIEWER ?? '{}') as { id: string; handle: string };
const viewer = { kind: 'person' as const, id: person.id, handle: person.handle, isAdmin: false };
// Another module may stand in for the feed domain's public API (to compare implementations).
const modulePath = process.env.FEED_BENCH_TIMELINE_MODULE ?? '@/lib/feed';

let listHomeTimeline: Timeline | undefined;
try {
  listHomeTimeline = ((await import(modulePath)) as { listHomeTimeline?: Timeline }).listHomeTimeline;
} catch (error) {
  const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes('lib/feed');
  if (!missing) throw error;
}
if (typeof listHomeTimeline !== 'function') {
  print({ skipped: `${modulePath} does not export listHomeTimeline yet` });
  process.exit(0);
}
const timeline = listHomeTimeline;

const page = (result: unknown) => {
  const value = result as { items?: unknown[]; posts?: unknown[]; nextCursor?: unknown } | unknown[];
  const items = Array.isArray(value) ? value : (value.items ?? value.posts ?? []);
  const cursor = !Array.isArray(value) && typeof value.nextCursor === 'string' ? value.nextCursor : undefined;
  return { items: items.length, cursor };
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
