import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, schemaDiff } from '../../scripts/lib/migrations';

/** Committed migrations, applied offline from an empty database, cover the whole schema. */
const databaseUrl = process.env.DATABASE_URL!;
const scratchName = `plaza_migrations_${process.pid}_${Date.now()}`;
const scratchUrl = (() => {
  const url = new URL(databaseUrl);
  url.pathname = `/${scratchName}`;
  return url.toString();
})();

async function onServer<T>(run: (client: pg.Client) => Promise<T>, url = databaseUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const committed = readdirSync('prisma/migrations', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

beforeAll(async () => {
  await onServer((client) => client.query(`CREATE DATABASE "${scratchName}"`));
});

afterAll(async () => {
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`));
});

describe('migrations', () => {
  it('are committed', () => {
    expect(committed.length).toBeGreaterThan(0);
    expect(existsSync('prisma/migrations/migration_lock.toml')).toBe(true);
  });

  it('apply to an empty database, recorded as the Prisma CLI records them', async () => {
    const applied = await applyMigrations(scratchUrl, { log: () => undefined });
    expect(applied).toEqual(committed);
    const rows = await onServer(
      (client) => client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>('SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name'),
      scratchUrl,
    );
    expect(rows.rows.map((row) => row.migration_name)).toEqual(committed);
    for (const row of rows.rows) {
      const sql = readFileSync(join('prisma/migrations', row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
    }
    const tables = await onServer((client) => client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"), scratchUrl);
    expect(tables.rows.map((row) => row.tablename)).toEqual(expect.arrayContaining(['User', 'RateLimitHit']));
  });

  it('apply nothing the second time', async () => {
    expect(await applyMigrations(scratchUrl, { log: () => undefined })).toEqual([]);
  });

  it('leave no schema change uncovered (a forgotten migration fails here)', async () => {
    expect(await schemaDiff(scratchUrl)).toBe('');
  });
});

describe('prisma generate', () => {
  it('works with no network at all', async () => {
    const out = mkdtempSync(join(tmpdir(), 'plaza-generate-'));
    try {
      const schema = readFileSync('prisma/schema.prisma', 'utf8').replace(/output\s*=\s*".*"/, `output = "${join(out, 'client')}"`);
      writeFileSync(join(out, 'schema.prisma'), schema);
      // Every download would go through this proxy, which nothing listens on.
      const unreachable = 'http://127.0.0.1:9';
      await promisify(execFile)(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', join(out, 'schema.prisma')], {
        env: { ...process.env, HTTPS_PROXY: unreachable, HTTP_PROXY: unreachable, https_proxy: unreachable, http_proxy: unreachable, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
        timeout: 120_000,
      });
      expect(existsSync(join(out, 'client', 'client.ts'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
