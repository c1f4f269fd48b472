import { open, stat } from 'node:fs/promises';
import pg from 'pg';

/**
 * Counts the SQL statements another process (the app server) sends while `work` runs, from
 * the server's own log with log_statement = 'all'. Turned on for the whole server through
 * ALTER SYSTEM (existing connections pick it up on reload) and reset afterwards. Lines between
 * two marker statements of our own connection, from any other connection, are counted.
 */
export async function countLoggedStatements(url: string, logFile: string, work: () => Promise<void>): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const marker = `feed-bench-${process.pid}-${Date.now()}`;
  try {
    await client.query(`ALTER SYSTEM SET log_statement = 'all'`);
    await client.query('SELECT pg_reload_conf()');
    // The reload reaches every backend by signal; ours having seen it means the signal went out.
    for (let tries = 0; ; tries++) {
      const { rows } = await client.query<{ log_statement: string }>('SHOW log_statement');
      if (rows[0]?.log_statement === 'all') break;
      if (tries > 200) throw new Error('log_statement did not take effect');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const ownPid = rows[0]!.pid;
    const from = (await stat(logFile)).size;
    await client.query(`SELECT '${marker}-start'`);
    await work();
    await client.query(`SELECT '${marker}-end'`);
    const text = await readFrom(logFile, from);
    const start = text.indexOf(`${marker}-start`);
    const end = text.indexOf(`${marker}-end`);
    if (start < 0 || end < 0) throw new Error(`the markers did not reach ${logFile}`);
    const statements: string[] = [];
    const lines = text.slice(start, end).split('\n');
    for (let index = 0; index < lines.length; index++) {
      const match = /\[(\d+)\] LOG: {2}(?:statement|execute [^:]*): (.*)$/.exec(lines[index]!);
      if (!match || Number(match[1]) === ownPid) continue;
      // A statement written over several lines continues on tab-indented lines of the log.
      let statement = match[2]!;
      while (lines[index + 1]?.startsWith('\t')) statement += ` ${lines[++index]!.trim()}`;
      statements.push(statement.trim());
    }
    return statements;
  } finally {
    await client.query('ALTER SYSTEM RESET log_statement').catch(() => {});
    await client.query('SELECT pg_reload_conf()').catch(() => {});
    await client.end();
  }
}

async function readFrom(file: string, offset: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    await handle.read(buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}
