import { resolve } from 'node:path';
import { applyMigrations } from './migrations';
import { onShutdown } from './processes';
import { ensureDatabase, findFreePort, isPortFree, startEmbeddedPostgres } from './postgres';

/**
 * The database Plaza runs on: DATABASE_URL when given, else the embedded Postgres under
 * `dataDir`. Migrations are applied either way. An embedded server started here is stopped
 * with everything else on shutdown.
 */
export async function prepareDatabase(opts: {
  dataDir: string;
  preferredPort: number;
  database?: string;
  fresh?: boolean;
  log: (line: string) => void;
}): Promise<{ url: string; embedded: boolean }> {
  let url = process.env.DATABASE_URL;
  const embedded = !url;
  if (!url) {
    const port = (await isPortFree(opts.preferredPort)) ? opts.preferredPort : await findFreePort();
    const server = await startEmbeddedPostgres({ dataDir: resolve(opts.dataDir), port, log: opts.log });
    onShutdown(server.stop);
    url = server.url;
    if (opts.database) {
      if (opts.fresh) await dropDatabase(server.adminUrl, opts.database);
      await ensureDatabase(server.adminUrl, opts.database);
      const named = new URL(url);
      named.pathname = `/${opts.database}`;
      url = named.toString();
    }
  }
  const applied = await applyMigrations(url, { log: opts.log });
  if (applied.length > 0) opts.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  return { url, embedded };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
