/**
 * `npm run bench [-- name…]`: figures the README reports. With no name, every benchmark runs;
 * `npm run bench -- realtime` runs that one alone.
 * - bundle: the first-load JavaScript of each route, uncompressed and gzipped, read from the last
 *   `next build` (.next/diagnostics/route-bundle-stats.json; Next 16 no longer prints sizes).
 * - realtime: fan-out, memory and HTTP API throughput of the realtime server
 *   (tests/bench/realtime; saturates the CPU, so run it under `flock /tmp/plaza-heavy.lock`).
 * - pay: transfers through the ledger with 50 concurrent writers, and balance reads with a
 *   million entries (tests/bench/pay; its own embedded database in .bench-data/).
 * - feed: GET /feed signed in (latency, throughput) and SQL statements per timeline page, with
 *   100,000 people and 10,000 then 1,000,000 posts (tests/bench/feed; seeds its own embedded
 *   database in .bench-data/ with scripts/lib/scale-seed; saturates the CPU for several minutes).
 * - chat: send → receive latency through sendMessageAction to 200 pusher-js clients, and
 *   GET /chats/<id> (1,000 vs 100,000 messages) and GET /chats (20 vs 2,000 chats): server time
 *   and SQL statements per request (tests/bench/chat; its own embedded database in .bench-data/).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chatBench } from './chat/chat-bench';
import { feedBench } from './feed/feed-bench';
import { payBench } from './pay/pay-bench';
import { realtimeBench } from './realtime/realtime-bench';

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

function bundleBench(): void {
  const statsFile = '.next/diagnostics/route-bundle-stats.json';
  if (!existsSync(statsFile)) {
    console.log('First-load JavaScript: skipped, no build found (run `npm run build` or `npm start` once first).');
    return;
  }

  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const gzipCache = new Map<string, number>();
  const gzipped = (path: string) => {
    if (!gzipCache.has(path)) gzipCache.set(path, gzipSync(readFileSync(path)).length);
    return gzipCache.get(path)!;
  };

  const stats = (JSON.parse(readFileSync(statsFile, 'utf8')) as RouteStats[]).sort((a, b) => a.route.localeCompare(b.route));
  console.log('First-load JavaScript per route (uncompressed / gzip):');
  for (const route of stats) {
    const gz = route.firstLoadChunkPaths.reduce((sum, path) => sum + gzipped(path), 0);
    console.log(`  ${route.route.padEnd(28)} ${kib(route.firstLoadUncompressedJsBytes).padStart(10)} / ${kib(gz).padStart(9)}`);
  }
}

// The realtime servers, apps and clients the benchmarks start have no default secret; they all
// inherit this one (or the caller's).
process.env.PUSHER_SECRET ||= randomBytes(24).toString('hex');

const benchmarks: Record<string, () => void | Promise<void>> = { bundle: bundleBench, realtime: realtimeBench, pay: payBench, feed: feedBench, chat: chatBench };
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}.`);
  process.exit(1);
}
for (const name of asked.length > 0 ? asked : Object.keys(benchmarks)) await benchmarks[name]!();
// Keep-alive agents and IPC channels must not hold the process open once the figures are out.
process.exit(0);
