import pg from 'pg';

/**
 * Runs `work` and returns the SQL statements this process sent to Postgres meanwhile, counted
 * where every statement leaves: pg's Client#query, which Prisma's pg adapter calls for each
 * query and for BEGIN/COMMIT. Only one counted piece of work may run at a time.
 */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  const statements: string[] = [];
  prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    statements.push(typeof first === 'string' ? first : (first?.text ?? '(copy or cursor)'));
    return original.apply(this, args);
  };
  try {
    return { result: await work(), statements };
  } finally {
    prototype.query = original;
  }
}

/** One line per statement, shortened, for a reader checking what a page costs. */
export function describeStatements(statements: string[]): string[] {
  return statements.map((text) => text.replace(/\s+/g, ' ').trim().slice(0, 140));
}
