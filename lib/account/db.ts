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

/** What the profile header needs: who, and which images (MediaAsset ids) they chose. */
export async function findProfileMedia(id: string) {
  return db().user.findUnique({ where: { id }, select: { name: true, handle: true, avatarId: true, coverId: true } });
}

/**
 * Points the avatar or cover at another asset (or none) and returns the one it replaced, so the
 * caller can delete it. The row lock makes two racing changes each see the right predecessor.
 */
export async function replaceProfileImage(id: string, kind: 'avatar' | 'cover', assetId: string | null): Promise<string | null> {
  return db().$transaction(async (tx) => {
    const column = kind === 'avatar' ? Prisma.sql`"avatarId"` : Prisma.sql`"coverId"`;
    const rows = await tx.$queryRaw<{ previous: string | null }[]>`SELECT ${column} AS previous FROM "User" WHERE "id" = ${id} FOR UPDATE`;
    await tx.user.update({ where: { id }, data: kind === 'avatar' ? { avatarId: assetId } : { coverId: assetId }, select: { id: true } });
    return rows[0]?.previous ?? null;
  });
}
