import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { withClient } from '../../support/pg-client';
import { stop } from '../stop-child';
import { ensureBuild } from '../../../scripts/lib/build';
import { prepareDatabase } from '../../../scripts/lib/database';
import { findFreePort } from '../../../scripts/lib/postgres';
import { shutdown, startChild, waitForHttp } from '../../../scripts/lib/processes';
import { startRealtime } from '../../../scripts/lib/realtime';
import { scalePassword, seedScale, type ScaleSeedResult } from '../../../scripts/lib/scale-seed';
import { load, type LoadFigures } from './load';
import { signIn } from './session';
import { describeStatements } from './statement-count';
import { countLoggedStatements } from './statement-log';

type ServiceFigures = {
  skipped?: string;
  coldStatements?: number;
  firstPage?: { items: number; statements: number; sql: string[] };
  secondPage?: { items: number; statements: number; sql: string[] } | null;
  medianMs?: number;
};

type DataSetFigures = {
  users: number;
  posts: number;
  seed: ScaleSeedResult;
  vacuumSeconds: number;
  pageBytes: number;
  pageStatements: string[];
  service: ServiceFigures;
  runs: LoadFigures[];
};

const dataDir = '.bench-data/postgres';
const log = (line: string) => console.log(`[feed] ${line}`);
const verbose = process.env.FEED_BENCH_VERBOSE === '1';

/**
 * The home timeline under load: for each data set (100,000 people with 10,000 posts, then with
 * 1,000,000), seeds a fresh embedded database in .bench-data/, starts `next start` on it, signs
 * in as a person with many friends, and measures GET /feed: p50/p95 latency at 1 and 4
 * connections and requests per second at 20. Also counts the SQL statements of one /feed
 * request and of one page of listHomeTimeline. Saturates both cores: run it under
 * `flock /tmp/plaza-heavy.lock`. FEED_BENCH_USERS, FEED_BENCH_POSTS (comma-separated) and
 * FEED_BENCH_SECONDS make a quick run; FEED_BENCH_VERBOSE=1 lists the statements.
 */
export async function feedBench(): Promise<void> {
  const users = Number(process.env.FEED_BENCH_USERS ?? 100_000);
  const postCounts = (process.env.FEED_BENCH_POSTS ?? '10000,1000000').split(',').map(Number);
  const seconds = Number(process.env.FEED_BENCH_SECONDS ?? 10);
  try {
    await ensureBuild(log);
    const appPort = await findFreePort();
    const baseUrl = `http://127.0.0.1:${appPort}`;
    const realtimeEnv = await startRealtime({ env: process.env, port: await findFreePort(), appUrl: baseUrl, quiet: true });
    const figures: DataSetFigures[] = [];
    for (const posts of postCounts) figures.push(await measureDataSet({ users, posts, seconds, appPort, realtimeEnv }));
    report(figures, seconds);
  } finally {
    await shutdown();
  }
}

async function measureDataSet(options: { users: number; posts: number; seconds: number; appPort: number; realtimeEnv: Record<string, string> }): Promise<DataSetFigures> {
  const { users, posts, seconds, appPort } = options;
  const name = `plaza_feed_${posts}`;
  const database = await prepareDatabase({ dataDir, preferredPort: await findFreePort(), database: name, fresh: true, log: () => {} });
  log(`${users.toLocaleString('en-US')} people, ${posts.toLocaleString('en-US')} posts: seeding…`);
  const seed = await seedScale({ url: database.url, users, posts, log: (line) => log(`  ${line}`) });
  // As a database in service would be: vacuumed, so the benchmark does not race autovacuum.
  const vacuumStarted = performance.now();
  await withClient(database.url, (client) => client.query('VACUUM (ANALYZE)'));
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;

  const service = await serviceFigures(database.url, seed.sample);
  const baseUrl = `http://127.0.0.1:${appPort}`;
  const next = startChild(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(appPort), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      ...options.realtimeEnv,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(48).toString('base64url'),
      PLAZA_BASE_URL: baseUrl,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHttp(`${baseUrl}/login`);
    const cookie = await signIn(baseUrl, seed.sample, scalePassword);
    const feedUrl = `${baseUrl}/feed`;
    const first = await fetch(feedUrl, { headers: { cookie }, redirect: 'manual' });
    const html = await first.text();
    if (first.status !== 200) throw new Error(`GET /feed signed in answered ${first.status}`);
    log(`  signed in as ${seed.sample.handle} (${seed.sample.friends} friends); warming up…`);
    await load(feedUrl, { cookie }, 4, Math.max(2, Math.round(seconds / 2)));
    // Requests the warm-up left in flight may still be querying: of three counts, the smallest
    // is the page's own.
    const counts: string[][] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      counts.push(
        await countLoggedStatements(database.url, `${process.cwd()}/${dataDir}.log`, async () => {
          const response = await fetch(feedUrl, { headers: { cookie } });
          await response.text();
        }),
      );
    }
    const pageStatements = counts.reduce((fewest, count) => (count.length < fewest.length ? count : fewest));
    const runs: LoadFigures[] = [];
    for (const connections of [1, 4, 20]) {
      log(`  GET /feed, ${connections} connection(s), ${seconds} s…`);
      runs.push(await load(feedUrl, { cookie }, connections, seconds));
    }
    return { users, posts, seed, vacuumSeconds, pageBytes: Buffer.byteLength(html), pageStatements, service, runs };
  } finally {
    await stop(next);
    // The next data set starts from nothing; this one would only take disk space.
    const admin = new URL(database.url);
    admin.pathname = '/postgres';
    await withClient(admin.toString(), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

/** listHomeTimeline's statements, measured in a process of its own (server-only modules). */
function serviceFigures(databaseUrl: string, viewer: { id: string; handle: string }): Promise<ServiceFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/bench/feed/feed-bench-child.ts'], {
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, FEED_BENCH_VIEWER: JSON.stringify(viewer) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the listHomeTimeline measurement exited with ${code}`));
      resolve(JSON.parse(text.trim().split('\n').at(-1)!) as ServiceFigures);
    });
  });
}



function report(figures: DataSetFigures[], seconds: number): void {
  const count = (value: number) => value.toLocaleString('en-US');
  const ms = (value: number) => `${value.toFixed(1)}`;
  const columns = figures.map((set) => `${count(set.posts)} posts`);
  const ratioTitle = figures.length >= 2 ? `${shortCount(figures.at(-1)!.posts)}/${shortCount(figures[0]!.posts)}` : '';
  const row = (label: string, values: string[], ratio = '') => console.log(`  ${label.padEnd(40)}${values.map((value) => value.padStart(18)).join('')}${ratio.padStart(10)}`);
  const ratio = (pick: (set: DataSetFigures) => number) => (figures.length >= 2 ? `${(pick(figures.at(-1)!) / pick(figures[0]!)).toFixed(2)}×` : '');
  const run = (set: DataSetFigures, connections: number) => set.runs.find((item) => item.connections === connections)!;
  const sample = figures[0]!.seed.sample;

  console.log(`Feed: GET /feed signed in as ${sample.handle} (${sample.friends} friends), ${count(figures[0]!.users)} people, next start; ${seconds} s per run after a warm-up`);
  row('', columns, ratioTitle);
  row('seeding (s)', figures.map((set) => set.seed.seconds.toFixed(1)));
  row('VACUUM ANALYZE (s)', figures.map((set) => set.vacuumSeconds.toFixed(1)));
  row('page size (KiB)', figures.map((set) => (set.pageBytes / 1024).toFixed(1)));
  for (const connections of [1, 4]) {
    row(`latency p50, ${connections} connection${connections > 1 ? 's' : ''} (ms)`, figures.map((set) => ms(run(set, connections).p50)), ratio((set) => run(set, connections).p50));
    row(`latency p95, ${connections} connection${connections > 1 ? 's' : ''} (ms)`, figures.map((set) => ms(run(set, connections).p95)), ratio((set) => run(set, connections).p95));
  }
  row('requests/s, 20 connections', figures.map((set) => run(set, 20).perSecond.toFixed(1)), ratio((set) => run(set, 20).perSecond));
  row('SQL statements per GET /feed', figures.map((set) => String(set.pageStatements.length)));
  const service = figures[0]!.service;
  if (service.skipped) {
    console.log(`  listHomeTimeline: skipped, ${service.skipped}`);
  } else {
    row('SQL statements, listHomeTimeline page 1', figures.map((set) => String(set.service.firstPage?.statements ?? '-')));
    row('SQL statements, listHomeTimeline page 2', figures.map((set) => String(set.service.secondPage?.statements ?? '-')));
    row('posts on page 1', figures.map((set) => String(set.service.firstPage?.items ?? '-')));
    row('listHomeTimeline page 1, median (ms)', figures.map((set) => ms(set.service.medianMs ?? Number.NaN)), ratio((set) => set.service.medianMs ?? Number.NaN));
  }
  if (verbose) {
    for (const set of figures) {
      console.log(`  ${count(set.posts)} posts, statements of one GET /feed:`);
      for (const line of describeStatements(set.pageStatements)) console.log(`    ${line}`);
      for (const line of set.service.firstPage?.sql ?? []) console.log(`    [listHomeTimeline] ${line}`);
    }
  }
}

function shortCount(value: number): string {
  if (value >= 1_000_000 && value % 1_000_000 === 0) return `${value / 1_000_000}M`;
  if (value >= 1000 && value % 1000 === 0) return `${value / 1000}k`;
  return String(value);
}
