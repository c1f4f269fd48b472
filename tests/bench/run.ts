/**
 * `npm run bench`: figures the README reports. Today: the first-load JavaScript of each route,
 * uncompressed and gzipped, read from the last `next build`
 * (.next/diagnostics/route-bundle-stats.json; Next 16 no longer prints sizes).
 * Later domains add their benchmarks beside this file and register them here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

const statsFile = '.next/diagnostics/route-bundle-stats.json';
if (!existsSync(statsFile)) {
  console.error('No build found: run `npm run build` (or `npm start` once) first.');
  process.exit(1);
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
