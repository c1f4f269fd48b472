/**
 * Database migrations without the Prisma CLI's native engine.
 *
 *   tsx scripts/migrate.ts apply                          apply pending migrations (migrate deploy)
 *   tsx scripts/migrate.ts create <name> [--create-only]  new migration from prisma/schema.prisma (migrate dev)
 *   tsx scripts/migrate.ts status                         pending / failed / edited migrations
 *
 * Uses DATABASE_URL when set. Otherwise starts the embedded PostgreSQL in .data/postgres (port PLAZA_DB_PORT, default 54329
 * if free, else any free port) and stops it again at the end if it was not already running.
 */
import { applyMigrations, createMigration, migrationStatus } from './lib/migrations';
import { findFreePort, isPortFree, startEmbeddedPostgres, type EmbeddedPostgres } from './lib/postgres';

const USAGE = `usage:
  tsx scripts/migrate.ts apply
  tsx scripts/migrate.ts create <name> [--create-only]
  tsx scripts/migrate.ts status`;

const log = (s: string) => console.log(s);

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const [command, ...args] = argv.filter((a) => !a.startsWith('--'));
  if (flags.has('--help') || !command || !['apply', 'create', 'status'].includes(command)) {
    console.error(USAGE);
    return flags.has('--help') ? 0 : 2;
  }
  if (command === 'create' && !args[0]) {
    console.error(`missing migration name\n${USAGE}`);
    return 2;
  }

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const preferred = Number(process.env.PLAZA_DB_PORT ?? 54329);
    const port = (await isPortFree(preferred)) ? preferred : await findFreePort();
    embedded = await startEmbeddedPostgres({ dataDir: '.data/postgres', port, log: (l) => log(`[postgres] ${l}`) });
    databaseUrl = embedded.url;
  }

  try {
    if (command === 'apply') {
      const applied = await applyMigrations(databaseUrl, { log });
      for (const name of applied) log(`applied ${name}`);
      log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date');
    } else if (command === 'create') {
      const folder = await createMigration(databaseUrl, args.join(' '), { log, createOnly: flags.has('--create-only') });
      if (!folder) log('no schema changes: no migration created');
    } else {
      const s = await migrationStatus(databaseUrl, { log });
      log(`${s.migrations.length} migration(s) in prisma/migrations`);
      if (s.pending.length) log(`pending:\n  ${s.pending.join('\n  ')}`);
      if (s.failed.length) log(`failed:\n  ${s.failed.join('\n  ')}`);
      if (s.edited.length) log(`edited after being applied:\n  ${s.edited.join('\n  ')}`);
      if (s.history && s.history.diagnostic !== 'databaseIsBehind') log(`history: ${JSON.stringify(s.history)}`);
      if (!s.pending.length && !s.failed.length && !s.edited.length && !s.history) log('database is up to date');
      return s.pending.length || s.failed.length || s.history ? 1 : 0;
    }
    return 0;
  } finally {
    if (embedded && !embedded.reused) await embedded.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
