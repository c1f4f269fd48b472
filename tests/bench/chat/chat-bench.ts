import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { withClient } from '../../support/pg-client';
import { stop } from '../stop-child';
import { ensureBuild } from '../../../scripts/lib/build';
import { prepareDatabase } from '../../../scripts/lib/database';
import { findFreePort } from '../../../scripts/lib/postgres';
import { shutdown, startChild, waitForHttp } from '../../../scripts/lib/processes';
import { startRealtime } from '../../../scripts/lib/realtime';
import { scalePassword, seedScale } from '../../../scripts/lib/scale-seed';
import { load } from '../feed/load';
import { signIn } from '../feed/session';
import { describeStatements } from '../feed/statement-count';
import { countLoggedStatements } from '../feed/statement-log';
import { now, startFleet, type Fleet } from '../realtime/fleet';
import { sdkFor } from '../realtime/sdk';
import { percentile } from '../realtime/stats';
import { actionCaller, actionId } from './chat-action';
import type { ServiceCase, ServiceFigure } from './chat-bench-child';
import { seedChat, type ChatSeed } from './chat-seed';

const dataDir = '.bench-data/chat-postgres';
const databaseName = 'plaza_chat';
const log = (line: string) => console.log(`[chat] ${line}`);
const verbose = process.env.CHAT_BENCH_VERBOSE === '1';
const int = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const settings = {
  clients: int('CHAT_BENCH_CLIENTS', 200),
  sends: int('CHAT_BENCH_SENDS', 300),
  warmupSends: 20,
  historySizes: (process.env.CHAT_BENCH_MESSAGES ?? '1000,100000').split(',').map(Number),
  listSizes: (process.env.CHAT_BENCH_CHATS ?? '20,2000').split(',').map(Number),
  unread: 30,
  seconds: int('CHAT_BENCH_SECONDS', 5),
};

type PageFigures = { label: string; path: string; bytes: number; p50: number; p95: number; requests: number; statements: string[] };
type SendFigures = {
  through: 'action' | 'sdk';
  sends: number;
  clients: number;
  p50: number;
  p99: number;
  /** Median over sends of the time until the 200th client had it. */
  last: number;
  /** The sender's own wait: POST → result (or trigger() → answer). */
  callP50: number;
  statements: string[];
};

/**
 * Chat at scale (`npm run bench -- chat`): seeds an embedded database in .bench-data/ with
 * 2,300 scale people and the chats of tests/bench/chat/chat-seed.ts, starts `next start` and the
 * realtime server, and measures
 * - send → receive: `sendMessageAction` posted over HTTP as the browser posts it, until each of
 *   200 pusher-js clients subscribed to the group's private channel has `chat.message`;
 * - GET /chats/<id> for a chat of 1,000 and of 100,000 messages, and GET /chats for a person
 *   with 20 and with 2,000 chats: server time and SQL statements per request.
 * Before the chat pages and action exist, it checks the seeding, the statement counting and the
 * client fleet (an event published with the `pusher` SDK) and says what it skipped. Saturates
 * the CPU: run it under `flock /tmp/plaza-heavy.lock`. CHAT_BENCH_VERBOSE=1 lists statements.
 */
export async function chatBench(): Promise<void> {
  try {
    await ensureBuild(log);
    const database = await prepareDatabase({ dataDir, preferredPort: await findFreePort(), database: databaseName, fresh: true, log: () => {} });
    const people = Math.max(...settings.listSizes, settings.clients + 1) + 300;
    log(`seeding ${people.toLocaleString('en-US')} people…`);
    const scale = await seedScale({ url: database.url, users: people, posts: 0 });
    log(`  people in ${scale.seconds.toFixed(1)} s; chats…`);
    const seed = await seedChat(database.url, {
      groupMembers: settings.clients + 1,
      historySizes: settings.historySizes,
      listSizes: settings.listSizes,
      unread: settings.unread,
      log: (line) => log(`  ${line}`),
    });
    await withClient(database.url, (client) => client.query('VACUUM (ANALYZE)'));
    log(`  chats seeded in ${seed.seconds.toFixed(1)} s`);
    const service = await serviceFigures(database.url, seed);

    const appPort = await findFreePort();
    const realtimePort = await findFreePort();
    const baseUrl = `http://127.0.0.1:${appPort}`;
    const realtimeEnv = await startRealtime({ env: process.env, port: realtimePort, appUrl: baseUrl, quiet: true });
    const next = startChild(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(appPort), '-H', '127.0.0.1'], {
      env: {
        ...process.env,
        ...realtimeEnv,
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
      const logFile = `${process.cwd()}/${dataDir}.log`;
      const conversationPage = existsSync('app/(app)/chats/[id]/page.tsx');
      const listPage = existsSync('app/(app)/chats/(list)/page.tsx');
      const sendId = existsSync('lib/chat/actions.ts') ? actionId('lib/chat/actions.ts', 'sendMessageAction') : undefined;
      const pages: PageFigures[] = [];
      if (conversationPage) {
        const senderCookie = await signIn(baseUrl, seed.sender, scalePassword);
        for (const size of settings.historySizes) {
          const chat = seed.history[size]!;
          // The first unread message must be on the page: "(<seq>)" ends each seeded body.
          const expect = `(${size - chat.unread + 1})`;
          pages.push(await measurePage(baseUrl, `/chats/${chat.id}`, senderCookie, `GET /chats/<id>, ${count(size)} messages`, expect, database.url, logFile));
        }
      }
      if (listPage) {
        for (const size of settings.listSizes) {
          const cookie = await signIn(baseUrl, seed.lists[size]!, scalePassword);
          pages.push(await measurePage(baseUrl, '/chats', cookie, `GET /chats, ${count(size)} chats`, undefined, database.url, logFile));
        }
      }
      const fleet = await startFleet(Number(realtimeEnv.PUSHER_PORT), settings.clients, 1, { channel: `private-chat-${seed.group.id}`, event: 'chat.message' });
      let send: SendFigures;
      try {
        send = sendId
          ? await measureActionSends(fleet, baseUrl, seed, sendId, database.url, logFile)
          : await measureSdkSends(fleet, Number(realtimeEnv.PUSHER_PORT), seed);
      } finally {
        await fleet.close();
      }
      report(seed, pages, send, service, { conversationPage, listPage });
    } finally {
      await stop(next);
    }
  } finally {
    await shutdown();
  }
}

async function measurePage(baseUrl: string, path: string, cookie: string, label: string, expect: string | undefined, databaseUrl: string, logFile: string): Promise<PageFigures> {
  const url = `${baseUrl}${path}`;
  const first = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const html = await first.text();
  if (first.status !== 200) throw new Error(`${label}: HTTP ${first.status}`);
  if (expect && !html.includes(expect)) throw new Error(`${label}: the page lacks the first unread message ${expect}`);
  log(`${label}: warming up…`);
  await load(url, { cookie }, 1, 2);
  // Requests a warm-up left in flight (or a background job) may still be querying: of three
  // counts, the smallest is the page's own.
  const counts: string[][] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    counts.push(
      await countLoggedStatements(databaseUrl, logFile, async () => {
        await (await fetch(url, { headers: { cookie } })).text();
      }),
    );
  }
  const statements = counts.reduce((fewest, list) => (list.length < fewest.length ? list : fewest));
  const run = await load(url, { cookie }, 1, settings.seconds);
  return { label, path, bytes: Buffer.byteLength(html), p50: run.p50, p95: run.p95, requests: run.requests, statements };
}

/** Sends one message at a time through the server action; each is timed until every client has it. */
async function measureActionSends(fleet: Fleet, baseUrl: string, seed: ChatSeed, id: string, databaseUrl: string, logFile: string): Promise<SendFigures> {
  const cookie = await signIn(baseUrl, seed.sender, scalePassword);
  const call = actionCaller(baseUrl, `/chats/${seed.group.id}`, id, cookie);
  const run = randomBytes(4).toString('hex');
  let n = 0;
  const send = async () => {
    n += 1;
    const input = { conversationId: seed.group.id, clientId: `bench-${run}-${n}`, body: `Bench message ${n}: are we still on for tonight?` };
    const started = now();
    const result = (await call(input)) as { ok: boolean; data?: { seq: number }; message?: string; code?: string };
    const answered = now();
    if (!result.ok || !result.data) throw new Error(`sendMessageAction refused: ${JSON.stringify(result)}`);
    const receipts = await fleet.receipts(result.data.seq);
    return { call: answered - started, latencies: receipts.map((time) => time - started) };
  };
  log(`send → receive: ${settings.warmupSends} warm-up + ${settings.sends} sends through sendMessageAction to ${settings.clients} clients…`);
  for (let i = 0; i < settings.warmupSends; i++) await send();
  const statements = await countLoggedStatements(databaseUrl, logFile, async () => void (await send()));
  const latencies: number[] = [];
  const lasts: number[] = [];
  const calls: number[] = [];
  for (let i = 0; i < settings.sends; i++) {
    const one = await send();
    latencies.push(...one.latencies);
    lasts.push(Math.max(...one.latencies));
    calls.push(one.call);
  }
  return { through: 'action', sends: settings.sends, clients: settings.clients, p50: percentile(latencies, 50), p99: percentile(latencies, 99), last: percentile(lasts, 50), callP50: percentile(calls, 50), statements };
}

/** Without the action: the event as the service would publish it after commit, through the SDK. */
async function measureSdkSends(fleet: Fleet, port: number, seed: ChatSeed): Promise<SendFigures> {
  const sdk = sdkFor(port);
  const channel = `private-chat-${seed.group.id}`;
  log(`send → receive: sendMessageAction not in the build; ${settings.sends} events through the pusher SDK to ${settings.clients} clients…`);
  const latencies: number[] = [];
  const lasts: number[] = [];
  const calls: number[] = [];
  for (let seq = 1_000_001; seq <= 1_000_000 + settings.warmupSends + settings.sends; seq++) {
    const started = now();
    await sdk.trigger(channel, 'chat.message', { conversationId: seed.group.id, messageId: `cmbench${seq}`, seq, senderId: seed.sender.id, preview: 'Are we still on for tonight?' });
    const answered = now();
    const receipts = (await fleet.receipts(seq)).map((time) => time - started);
    if (seq <= 1_000_000 + settings.warmupSends) continue;
    latencies.push(...receipts);
    lasts.push(Math.max(...receipts));
    calls.push(answered - started);
  }
  return { through: 'sdk', sends: settings.sends, clients: settings.clients, p50: percentile(latencies, 50), p99: percentile(latencies, 99), last: percentile(lasts, 50), callP50: percentile(calls, 50), statements: [] };
}

function report(seed: ChatSeed, pages: PageFigures[], send: SendFigures, service: ServiceResult, ready: { conversationPage: boolean; listPage: boolean }): void {
  const row = (label: string, value: string, note = '') => console.log(`  ${label.padEnd(52)}${value.padStart(12)}  ${note}`);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`\nChat: next start + embedded realtime and Postgres, ${count(seed.messages)} seeded messages; pages over ${settings.seconds} s at 1 connection after a warm-up`);
  if (send.through === 'action') {
    console.log(`  send → receive: sendMessageAction over HTTP (one sender) → ${send.clients} pusher-js clients on private-chat-<group of ${seed.group.members}>, ${send.sends} sends one at a time`);
  } else {
    console.log(`  send → receive: SKIPPED through the app (sendMessageAction not in the build); realtime leg only: pusher SDK trigger → ${send.clients} clients, ${send.sends} events`);
  }
  row('send → receive p50, per client', ms(send.p50));
  row('send → receive p99, per client', ms(send.p99));
  row('send → last of the clients has it, median', ms(send.last));
  row(send.through === 'action' ? 'sendMessageAction answer to the sender, p50' : 'trigger() answer, p50', ms(send.callP50));
  if (send.through === 'action') row('SQL statements per send', String(send.statements.length));
  if (!ready.conversationPage) console.log('  GET /chats/<id>: SKIPPED, app/(app)/chats/[id]/page.tsx is not in this tree yet');
  if (!ready.listPage) console.log('  GET /chats: SKIPPED, app/(app)/chats/(list)/page.tsx is not in this tree yet');
  for (const page of pages) {
    row(`${page.label}, p50`, ms(page.p50), `p95 ${ms(page.p95)}, ${(page.bytes / 1024).toFixed(1)} KiB`);
    row(`${page.label}, SQL statements`, String(page.statements.length));
  }
  if (service.skipped) console.log(`  chat service: skipped, ${service.skipped}`);
  for (const figure of service.figures ?? []) {
    row(`service: ${figure.label}, median`, ms(figure.medianMs), `${figure.items} items`);
    row(`service: ${figure.label}, SQL statements`, String(figure.statements));
  }
  if (verbose) {
    for (const figure of service.figures ?? []) {
      console.log(`  statements of service: ${figure.label}:`);
      for (const line of figure.sql) console.log(`    ${line}`);
    }
    for (const page of pages) {
      console.log(`  statements of one ${page.label}:`);
      for (const line of describeStatements(page.statements)) console.log(`    ${line}`);
    }
    if (send.statements.length > 0) console.log('  statements of one send:');
    for (const line of describeStatements(send.statements)) console.log(`    ${line}`);
  }
}

const count = (value: number) => value.toLocaleString('en-US');

type ServiceResult = { skipped?: string; figures?: ServiceFigure[] };

/** The chat service itself, in a process of its own (server-only modules), on the same data. */
function serviceFigures(databaseUrl: string, seed: ChatSeed): Promise<ServiceResult> {
  const cases: ServiceCase[] = [
    ...settings.historySizes.map((size) => ({ label: `open a chat of ${count(size)} messages`, viewer: seed.sender, conversationId: seed.history[size]!.id })),
    ...settings.listSizes.map((size) => ({ label: `listChats, ${count(size)} chats`, viewer: seed.lists[size]! })),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/bench/chat/chat-bench-child.ts'], {
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, CHAT_BENCH_CASES: JSON.stringify(cases) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the chat service measurement exited with ${code}`));
      resolve(JSON.parse(text.trim().split('\n').at(-1)!) as ServiceResult);
    });
  });
}


