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

/** The account an external identity is linked to, if the identity and its account exist. */
export async function findAccountByIdentity(provider: string, providerAccountId: string) {
  const identity = await db().externalIdentity.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  if (!identity) return null;
  return db().user.findUnique({ where: { id: identity.userId }, select: { id: true, handle: true } });
}

export async function isEmailTaken(email: string): Promise<boolean> {
  return (await db().user.count({ where: { email } })) > 0;
}

/**
 * Creates the account and its first identity together: either both exist afterwards or
 * neither. The unique indexes decide races for the handle, the email or the identity itself.
 */
export async function insertUserWithIdentity(
  user: { email: string; handle: string; name: string; emailVerifiedAt: Date | null },
  identity: { provider: string; providerAccountId: string },
) {
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.user.create({ data: { ...user, passwordHash: null }, select: ownAccountSelect });
      await tx.externalIdentity.create({ data: { ...identity, userId: created.id, email: user.email } });
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const target = JSON.stringify(error.meta ?? {});
      return { taken: target.includes('handle') ? ('handle' as const) : target.includes('email') ? ('email' as const) : ('identity' as const) };
    }
    throw error;
  }
}

export async function findSignInMethods(userId: string) {
  const [user, identities] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } }),
    db().externalIdentity.findMany({ where: { userId }, select: { provider: true }, orderBy: { createdAt: 'asc' } }),
  ]);
  if (!user) return null;
  return { hasPassword: user.passwordHash !== null, providers: identities.map((identity) => identity.provider) };
}

/** Sets the password only where none is set yet, in one statement; false if one already was. */
export async function setPasswordIfNone(userId: string, passwordHash: string): Promise<boolean> {
  const { count } = await db().user.updateMany({ where: { id: userId, passwordHash: null }, data: { passwordHash } });
  return count === 1;
}
