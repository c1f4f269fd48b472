/**
 * `npm run seed:scale -- --users 100000 --posts 1000000 [--reset]`: a large data set for
 * measuring the feed, in the database at DATABASE_URL or else the embedded one `npm start`
 * uses (.data/postgres, started here if it is not running, and stopped again only then).
 * Refuses a database that already has scale people unless --reset.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations } from './lib/migrations';
import { startEmbeddedPostgres } from './lib/postgres';
import { scalePassword, seedScale } from './lib/scale-seed';

const log = (line: string) => console.log(`[seed:scale] ${line}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { users: { type: 'string', default: '100000' }, posts: { type: 'string', default: '1000000' }, reset: { type: 'boolean', default: false } },
  });
  let url = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: resolve('.data/postgres'), port: Number(process.env.PLAZA_DB_PORT ?? 54329), log });
    // A server that `npm start` is using stays up.
    if (!server.reused) stop = server.stop;
    url = server.url;
  }
  try {
    const applied = await applyMigrations(url, { log });
    if (applied.length > 0) log(`Applied ${applied.length} migration(s)`);
    const result = await seedScale({ url, users: Number(values.users), posts: Number(values.posts), reset: values.reset, log });
    for (const [table, count] of Object.entries(result.rows)) log(`  ${table.padEnd(12)} ${count.toLocaleString('en-US').padStart(11)} rows`);
    log(`Done in ${result.seconds.toFixed(1)} s.`);
    log(`Every scale person signs in with their email (scale000001@scale.plaza …) and the password: ${scalePassword}`);
    log(`For example ${result.sample.email}, who has ${result.sample.friends} friends.`);
  } finally {
    await stop?.();
  }
}

main().catch((error: unknown) => {
  console.error(`[seed:scale] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
