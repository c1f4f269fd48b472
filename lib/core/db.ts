import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/prisma/generated/client';
import { env } from './env';

/**
 * One Prisma client per process. Only lib/<domain>/db.ts, lib/pay/ledger.ts and lib/core may
 * import it (enforced by ESLint).
 */
const globalForDb = globalThis as unknown as { plazaPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForDb.plazaPrisma ??= createClient();
  return globalForDb.plazaPrisma;
}

export type { PrismaClient };
export { Prisma } from '@/prisma/generated/client';
