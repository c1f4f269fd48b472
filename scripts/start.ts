/**
 * `npm start`: embedded Postgres (unless DATABASE_URL) → migrations → the embedded realtime
 * server (unless REALTIME_EMBEDDED=false or PUSHER_CLUSTER) → demo data on an empty database →
 * the job worker → a build if there is no current one → the web server (scripts/serve.ts, Next.js
 * behind a small server that pins the client's address). Ctrl-C or SIGTERM stops all of it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild } from './lib/build';
import { prepareDatabase } from './lib/database';
import { isPortFree } from './lib/postgres';
import { startRealtime } from './lib/realtime';
import { isShuttingDown, run, shutdown, startChild, stopEverythingOnSignals, waitForHttp } from './lib/processes';
import { persistentSecret } from './lib/secrets';
import { demoLogin, demoPassword } from './seed/people';

const log = (line: string) => console.log(`[plaza] ${line}`);
const dataDir = '.data';
const startedAt = Date.now();

function checkNode(): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Plaza needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  checkNode();
  stopEverythingOnSignals(0);
  mkdirSync(dataDir, { recursive: true });
  const port = Number(process.env.PORT ?? 3000);
  if (!(await isPortFree(port))) {
    throw new Error(`Port ${port} is in use. Stop whatever is using it, or run: PORT=3001 npm start`);
  }

  const database = await prepareDatabase({ dataDir: join(dataDir, 'postgres'), preferredPort: Number(process.env.PLAZA_DB_PORT ?? 54329), log });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: database.url,
    // Links in mail point here unless AUTH_URL names the public address.
    PLAZA_LISTEN_URL: `http://localhost:${port}`,
    AUTH_SECRET: process.env.AUTH_SECRET ?? persistentSecret(join(dataDir, 'auth-secret')),
    // Shared by the app and the realtime server; without it neither starts.
    PUSHER_SECRET: process.env.PUSHER_SECRET ?? persistentSecret(join(dataDir, 'pusher-secret')),
  };

  // The embedded Pusher-protocol server, unless Plaza is pointed at Pusher Channels or Soketi.
  if (process.env.REALTIME_EMBEDDED !== 'false' && !process.env.PUSHER_CLUSTER) {
    const realtimePort = Number(process.env.PUSHER_PORT ?? 6001);
    if (!(await isPortFree(realtimePort))) throw new Error(`Port ${realtimePort} (realtime) is in use. Stop whatever is using it, or run: PUSHER_PORT=6002 npm start`);
    Object.assign(env, await startRealtime({ env, port: realtimePort, appUrl: `http://127.0.0.1:${port}` }));
  }
  // Demo data runs through the domains' services, which are server-only modules.
  const seedCode = await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/seed/index.ts'], { env, detached: false });
  if (seedCode !== 0) throw new Error('Adding demo data failed');
  // Background jobs (mail among them); stopped with everything else.
  startChild(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], { env });

  await ensureBuild(log);
  const next = startChild(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port)], { env });
  next.on('exit', (code) => {
    if (isShuttingDown()) return;
    log(`The web server stopped (exit code ${code ?? 'none'}); stopping the rest.`);
    void shutdown().then(() => process.exit(code ?? 1));
  });
  const url = `http://localhost:${port}`;
  await waitForHttp(url);
  log(`Plaza is running at ${url} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
  log(`Links in mail point at ${process.env.AUTH_URL ?? url}${process.env.AUTH_URL ? '' : ' (set AUTH_URL to the public address)'}`);
  log(`Demo sign-in: ${demoLogin.email} / ${demoPassword}  (Ctrl-C stops Plaza and its database)`);
}

main().catch(async (error: unknown) => {
  console.error(`[plaza] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown();
  process.exit(1);
});
