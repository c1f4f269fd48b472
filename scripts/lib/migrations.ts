/**
 * Prisma Migrate without the native schema engine.
 *
 * The Prisma CLI downloads a native schema engine for `migrate`, which fails offline. This module
 * drives Prisma's WebAssembly schema engine (`@prisma/schema-engine-wasm`) through the `pg` driver
 * adapter instead. It reads and writes the same files as the CLI
 * (`prisma/migrations/<timestamp>_<name>/migration.sql`, `migration_lock.toml`) and the engine
 * keeps the same `_prisma_migrations` table, so the two stay interchangeable.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type {
  DiagnoseMigrationHistoryOutput,
  HistoryDiagnostic,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemaContainer,
} from '@prisma/schema-engine-wasm';
import pg from 'pg';

export interface MigrationOptions {
  /** Prisma schema file or folder of `.prisma` files. Default `prisma/schema.prisma`. */
  schemaPath?: string;
  /** Default `prisma/migrations`. */
  migrationsDir?: string;
  /** Progress messages. */
  log?: (s: string) => void;
  /** Raw schema engine log lines (JSON), for debugging. */
  engineLog?: (s: string) => void;
}

export interface CreateMigrationOptions extends MigrationOptions {
  /** Write the migration folder without applying it (`prisma migrate dev --create-only`). */
  createOnly?: boolean;
}

export interface MigrationStatus {
  /** Migration folders, in order. */
  migrations: string[];
  /** Folders not applied to the database yet. */
  pending: string[];
  /** Migrations that failed and must be resolved by hand. */
  failed: string[];
  /** Applied migrations whose migration.sql changed since. */
  edited: string[];
  /** Whether `_prisma_migrations` exists. */
  hasMigrationsTable: boolean;
  /** Engine diagnostic; null when the database and the folder agree. */
  history: HistoryDiagnostic | null;
}

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };
const LOCKFILE = 'migration_lock.toml';

// ---------------------------------------------------------------------------------------------
// Public API

/** Applies committed migrations that the database has not seen (`prisma migrate deploy`). */
export async function applyMigrations(databaseUrl: string, opts: MigrationOptions = {}): Promise<string[]> {
  const { migrationsDir, log } = resolveOptions(opts);
  return withEngine(databaseUrl, opts, async (engine) => {
    const migrationsList = await loadMigrationsList(migrationsDir);
    if (migrationsList.migrationDirectories.length === 0) log(`no migrations in ${path.relative(process.cwd(), migrationsDir) || '.'}`);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  });
}

/**
 * `prisma migrate dev --name <name>`, non-interactive: applies pending migrations, diffs the
 * schema against the migration history (replayed in a temporary shadow database), writes
 * `<timestamp>_<name>/migration.sql` when something changed and applies it. Returns the folder
 * name, or null when the schema already matches the migrations.
 */
export async function createMigration(databaseUrl: string, name: string, opts: CreateMigrationOptions = {}): Promise<string | null> {
  const { migrationsDir, log } = resolveOptions(opts);
  const migrationName = slugify(name);
  if (!migrationName) throw new Error(`invalid migration name: ${JSON.stringify(name)}`);

  return withEngine(databaseUrl, opts, async (engine, schema) => {
    let migrationsList = await loadMigrationsList(migrationsDir);

    const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    if (action.tag === 'reset') {
      throw new Error(
        `the database does not match the migration history and would have to be reset:\n${action.reason}\n` +
          'Nothing was changed. Fix the database (or drop and recreate it for development) and try again.',
      );
    }

    const pending = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    for (const applied of pending.appliedMigrationNames) log(`applied ${applied}`);

    const dataLoss = await engine.evaluateDataLoss({ migrationsList, schema, filters: NO_FILTER });
    for (const w of dataLoss.warnings) log(`warning: ${w.message}`);
    for (const u of dataLoss.unexecutableSteps) log(`cannot be applied as generated: ${u.message}`);

    const created = await engine.createMigration({ migrationsList, schema, migrationName, draft: false, filters: NO_FILTER });
    if (created.migrationScript === null) {
      log('schema matches the migrations: nothing to create');
      return null;
    }

    const folder = created.generatedMigrationName;
    const dir = path.join(migrationsDir, folder);
    if (existsSync(dir)) throw new Error(`the migration directory already exists at ${dir}`);
    await fs.mkdir(dir, { recursive: true, mode: 0o777 });
    await fs.writeFile(path.join(dir, `migration.${created.extension}`), created.migrationScript, 'utf8');
    await fs.writeFile(
      path.join(migrationsDir, migrationsList.lockfile.path),
      '# Please do not edit this file manually\n' +
        '# It should be added in your version-control system (e.g., Git)\n' +
        `provider = "${created.connectorType}"\n`,
      'utf8',
    );
    log(`created ${path.relative(process.cwd(), dir)}`);

    if (opts.createOnly) return folder;
    if (dataLoss.unexecutableSteps.length > 0) {
      log(`not applied: edit ${path.relative(process.cwd(), dir)}/migration.sql, then apply it`);
      return folder;
    }
    migrationsList = await loadMigrationsList(migrationsDir);
    const applied = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    for (const n of applied.appliedMigrationNames) log(`applied ${n}`);
    return folder;
  });
}

/** Pending, failed and edited migrations (`prisma migrate status`). */
export async function migrationStatus(databaseUrl: string, opts: MigrationOptions = {}): Promise<MigrationStatus> {
  const { migrationsDir } = resolveOptions(opts);
  return withEngine(databaseUrl, opts, async (engine) => {
    const migrationsList = await loadMigrationsList(migrationsDir);
    const out: DiagnoseMigrationHistoryOutput = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTER,
    });
    const history = out.history;
    return {
      migrations: migrationsList.migrationDirectories.map((d) => d.path),
      pending:
        history?.diagnostic === 'databaseIsBehind' || history?.diagnostic === 'historiesDiverge' ? history.unappliedMigrationNames : [],
      failed: out.failedMigrationNames,
      edited: out.editedMigrationNames,
      hasMigrationsTable: out.hasMigrationsTable,
      history,
    };
  });
}

/**
 * SQL that would take a database built from the migrations folder to the Prisma schema
 * (`prisma migrate diff --from-migrations … --to-schema … --script`), replayed in a temporary
 * shadow database. Empty string when the migrations cover the schema, i.e. no migration is missing.
 */
export async function schemaDiff(databaseUrl: string, opts: MigrationOptions = {}): Promise<string> {
  const { migrationsDir } = resolveOptions(opts);
  return withEngine(databaseUrl, opts, async (engine, schema) => {
    const migrationsList = await loadMigrationsList(migrationsDir);
    const { stdout } = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', ...schema },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const script = stdout ?? '';
    return script.replace(/^--.*$/gm, '').trim() === '' ? '' : script;
  });
}

/**
 * The migration history as the Prisma CLI hands it to the engine (same shape and ordering as
 * the CLI's own loader): every sub-directory of `migrationsDir` with its `migration.sql`.
 */
export async function loadMigrationsList(migrationsDir: string, shadowDbInitScript = ''): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const content = await fs.readFile(path.join(baseDir, LOCKFILE), 'utf8').catch(() => null);
  const lockfile = { path: LOCKFILE, content };
  const entries = await fs.readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: MigrationList['migrationDirectories'] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const file = 'migration.sql';
    const script = await fs.readFile(path.join(baseDir, entry.name, file), 'utf8').then(
      (value) => ({ tag: 'ok' as const, value }),
      (err: Error) => ({ tag: 'error' as const, value: err.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: file, content: script } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile, migrationDirectories, shadowDbInitScript };
}

// ---------------------------------------------------------------------------------------------
// Engine

function resolveOptions(opts: MigrationOptions) {
  return {
    schemaPath: path.resolve(opts.schemaPath ?? 'prisma/schema.prisma'),
    migrationsDir: path.resolve(opts.migrationsDir ?? 'prisma/migrations'),
    log: opts.log ?? (() => {}),
  };
}

let wasmReady: Promise<void> | undefined;
let panicMessage: string | undefined;
// The engine reports Rust panics through this global before trapping.
const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
globals.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    panicMessage = message;
  },
};
/**
 * Timers the engine schedules (timeouts of ~60 s that it never cancels). They would keep the
 * process alive after the work is done, so they are cleared once no engine is in use.
 */
const engineTimers = new Set<NodeJS.Timeout>();
let enginesInUse = 0;

function engineSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, ms >>> 0);
  engineTimers.add(timer);
  return timer;
}

/** Instantiates the engine's .wasm by hand (Node cannot import .wasm modules without a flag). */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsFile = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await fs.readFile(path.join(path.dirname(bindingsFile), 'schema_engine_bg.wasm'));
    const imports: Record<string, unknown> = { ...engineBindings };
    for (const name of Object.keys(imports)) if (name.startsWith('__wbg_setTimeout_')) imports[name] = engineSetTimeout;
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': imports as WebAssembly.ModuleImports,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  wasmReady.catch(() => {
    wasmReady = undefined; // retry on the next call
  });
  return wasmReady;
}

async function readSchemaFiles(schemaPath: string): Promise<SchemaContainer[]> {
  const st = await fs.stat(schemaPath).catch(() => null);
  if (!st) throw new Error(`Prisma schema not found: ${schemaPath}`);
  if (!st.isDirectory()) return [{ path: schemaPath, content: await fs.readFile(schemaPath, 'utf8') }];
  const files: SchemaContainer[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'migrations') await walk(p);
      } else if (entry.name.endsWith('.prisma')) {
        files.push({ path: p, content: await fs.readFile(p, 'utf8') });
      }
    }
  };
  await walk(schemaPath);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return files;
}

async function withEngine<T>(
  databaseUrl: string,
  opts: MigrationOptions,
  fn: (engine: SchemaEngine, schema: { files: SchemaContainer[] }) => Promise<T>,
): Promise<T> {
  const { schemaPath } = resolveOptions(opts);
  const [files] = await Promise.all([readSchemaFiles(schemaPath), loadWasm()]);
  const adapters = new PgAdapters(databaseUrl);
  let engine: SchemaEngine | undefined;
  enginesInUse++;
  try {
    engine = (await engineBindings.SchemaEngine.new(
      { datamodels: files.map((f) => [f.path, f.content] as [string, string]) },
      (line: string) => opts.engineLog?.(line),
      bindMigrationAwareSqlAdapterFactory(adapters.factory),
    )) as unknown as SchemaEngine;
    return await fn(engine, { files });
  } catch (err) {
    throw engineError(err);
  } finally {
    try {
      engine?.free();
    } catch {
      // the engine may be unusable after a panic; its memory is reclaimed with the instance
    }
    await adapters.close();
    if (--enginesInUse === 0) {
      for (const timer of engineTimers) clearTimeout(timer);
      engineTimers.clear();
    }
  }
}

/** Puts the engine's Prisma error code (P3009, …) in front of the message; reports panics. */
function engineError(err: unknown): Error {
  if (err instanceof WebAssembly.RuntimeError && panicMessage) {
    const panic = new Error(`schema engine panicked: ${panicMessage}`, { cause: err });
    panicMessage = undefined;
    return panic;
  }
  if (!(err instanceof Error)) return new Error(typeof err === 'string' ? err : JSON.stringify(err));
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && /^P\d{4}$/.test(code) && !err.message.startsWith(code)) err.message = `${code}: ${err.message}`;
  return err;
}

// ---------------------------------------------------------------------------------------------
// Driver adapter

const CHAR_OID = 18; // Postgres's internal one-byte "char" (pg_class.relkind, …)
const TEXT_OID = 25;

/** adapter-pg rejects columns of type "char" (used by the engine's catalog queries): report them as text. */
function charColumnsAsText<R>(result: R): R {
  for (const r of Array.isArray(result) ? result : [result]) {
    const fields = (r as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
    if (fields) for (const f of fields) if (f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
  }
  return result;
}

class CharAsTextClient extends pg.Client {}
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(CharAsTextClient.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  const cb = args.findIndex((a) => typeof a === 'function');
  if (cb >= 0) {
    const callback = args[cb] as (err: Error | null, res: unknown) => void;
    args[cb] = (err: Error | null, res: unknown) => callback(err, err ? res : charColumnsAsText(res));
    return clientQuery.apply(this, args);
  }
  const ret = clientQuery.apply(this, args);
  return typeof (ret as Promise<unknown> | undefined)?.then === 'function' ? (ret as Promise<unknown>).then(charColumnsAsText) : ret;
};

/**
 * adapter-pg runs a script by splitting it on every `;`, which breaks a function body in
 * `$$ … $$` or a comment with a semicolon. Postgres runs a multi-statement script itself when
 * it is sent as one simple query, so send it whole.
 */
function wholeScripts(adapter: SqlDriverAdapter): void {
  const driver = (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  const reportError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await driver.query(script);
    } catch (error) {
      reportError(error);
    }
  };
}

/**
 * Migration-aware adapter factory over adapter-pg. Differences from `PrismaPg` itself:
 * - connection settings are passed as separate fields: with a `connectionString`, pg lets the
 *   string's database override the shadow database's name;
 * - the shadow database is dropped `WITH (FORCE)` after its pool is closed (adapter-pg drops it
 *   while its own pool still holds connections);
 * - every pool is tracked and closed at the end, so the process can exit right away.
 */
class PgAdapters {
  private readonly config: pg.PoolConfig;
  private readonly pools = new Set<pg.Pool>();
  private readonly shadowDatabases = new Set<string>();
  readonly factory: SqlMigrationAwareDriverAdapterFactory;

  constructor(databaseUrl: string) {
    const schema = new URL(databaseUrl).searchParams.get('schema');
    if (schema && schema !== 'public') {
      // The engine would still write to `public` through the adapter: refuse instead of misplacing tables.
      throw new Error(`DATABASE_URL ?schema=${schema} is not supported for migrations: use a separate database`);
    }
    this.config = { ...clientConfigFromUrl(databaseUrl), Client: CharAsTextClient as unknown as pg.PoolConfig['Client'] };
    const adapterName = new PrismaPg(this.config).adapterName;
    this.factory = {
      provider: 'postgres',
      adapterName,
      connect: () => this.connect(),
      connectToShadowDb: () => this.connectToShadowDb(),
    };
  }

  private pool(config: pg.PoolConfig): pg.Pool {
    const pool = new pg.Pool({ ...config, max: 4 });
    pool.on('error', () => {}); // idle client errors (e.g. the shadow database being dropped)
    this.pools.add(pool);
    return pool;
  }

  private async endPool(pool: pg.Pool): Promise<void> {
    if (!this.pools.delete(pool)) return;
    await pool.end().catch(() => {});
  }

  private async connect(): Promise<SqlDriverAdapter> {
    const pool = this.pool(this.config);
    const adapter = await new PrismaPg(pool).connect();
    return this.onDispose(adapter, () => this.endPool(pool));
  }

  private async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.admin(`CREATE DATABASE "${database}"`);
    this.shadowDatabases.add(database);
    const pool = this.pool({ ...this.config, database });
    const adapter = await new PrismaPg(pool).connect();
    return this.onDispose(adapter, async () => {
      await this.endPool(pool);
      await this.dropShadow(database);
    });
  }

  private onDispose(adapter: SqlDriverAdapter, cleanup: () => Promise<void>): SqlDriverAdapter {
    wholeScripts(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await cleanup();
    };
    return adapter;
  }

  private async dropShadow(database: string): Promise<void> {
    if (!this.shadowDatabases.delete(database)) return;
    await this.admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('error', () => {});
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  /** Closes every pool and drops shadow databases the engine did not dispose of. */
  async close(): Promise<void> {
    await Promise.all([...this.pools].map((p) => this.endPool(p)));
    for (const db of [...this.shadowDatabases]) await this.dropShadow(db).catch(() => {});
  }
}

/** Connection fields parsed by pg's own parser (same rules as `connectionString`), minus the string. */
function clientConfigFromUrl(databaseUrl: string): pg.ClientConfig {
  const requireFromPg = createRequire(createRequire(import.meta.url).resolve('pg'));
  const { parseIntoClientConfig } = requireFromPg('pg-connection-string') as {
    parseIntoClientConfig: (s: string) => pg.ClientConfig;
  };
  const config = parseIntoClientConfig(databaseUrl) as pg.ClientConfig & Record<string, unknown>;
  delete config.schema; // Prisma's ?schema= is not a pg setting
  return config;
}

/** Migration folder suffix, like the CLI's slugify(name, { separator: '_' }). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
}
