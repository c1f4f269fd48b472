import 'server-only';
import { db, Prisma } from '@/lib/core/db';
import type { OwnAccountDto } from './schemas';

/** The only Prisma access for account models. Reads select what callers need, nothing more. */
const ownAccountSelect = { id: true, handle: true, name: true, bio: true, email: true } as const;

export async function insertUser(data: { email: string; handle: string; name: string; passwordHash: string }) {
  try {
    return await db().user.create({ data, select: ownAccountSelect });
  } catch (error) {
    // The unique indexes decide who gets a handle or email; report which one was taken.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const target = JSON.stringify(error.meta ?? {});
      return { taken: target.includes('handle') ? ('handle' as const) : ('email' as const) };
    }
    throw error;
  }
}

export async function findEmailOrHandleTaken(email: string, handle: string) {
  const rows = await db().user.findMany({
    where: { OR: [{ email }, { handle }] },
    select: { email: true, handle: true },
  });
  return { email: rows.some((row) => row.email === email), handle: rows.some((row) => row.handle === handle) };
}

export async function findCredentialsByEmail(email: string) {
  return db().user.findUnique({
    where: { email },
    select: { id: true, handle: true, name: true, email: true, passwordHash: true },
  });
}

export async function findOwnAccount(id: string): Promise<OwnAccountDto | null> {
  return db().user.findUnique({ where: { id }, select: ownAccountSelect });
}

export async function updateProfile(id: string, data: { name: string; bio: string }): Promise<OwnAccountDto> {
  return db().user.update({ where: { id }, data, select: ownAccountSelect });
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}
