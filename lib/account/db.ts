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

// ——— Recovery, verification and settings (lib/account/recovery.ts) ———

type TokenPurpose = 'PASSWORD_RESET' | 'EMAIL_VERIFICATION';
type NewToken = { userId: string; purpose: TokenPurpose; tokenHash: string; email?: string; expiresAt: Date; createdAt: Date };

export async function findUserForRecovery(email: string) {
  return db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
}

export async function findSettings(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true, passwordHash: true } });
}

export async function isEmailTaken(email: string): Promise<boolean> {
  return (await db().user.count({ where: { email } })) > 0;
}

/** The newest unused, unexpired request to move to another address. */
export async function findPendingEmailChange(userId: string, currentEmail: string, at: Date): Promise<string | null> {
  const token = await db().authToken.findFirst({
    where: { userId, purpose: 'EMAIL_VERIFICATION', usedAt: null, expiresAt: { gt: at }, email: { not: currentEmail } },
    orderBy: { createdAt: 'desc' },
    select: { email: true },
  });
  return token?.email ?? null;
}

/** The token and the mail carrying it commit together: no token without its mail, nor the reverse. */
export async function insertTokenWithMail(token: NewToken, queueMail: (tx: Prisma.TransactionClient) => Promise<void>): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.authToken.create({ data: token, select: { id: true } });
    await queueMail(tx);
  });
}

export async function findToken(tokenHash: string) {
  return db().authToken.findUnique({ where: { tokenHash }, select: { purpose: true, usedAt: true, expiresAt: true } });
}

/**
 * Uses a token exactly once: the conditional update lets only one of two racing requests
 * through. Returns its owner and address, or null when it is unknown, used or expired.
 */
async function consumeToken(tx: Prisma.TransactionClient, tokenHash: string, purpose: TokenPurpose, at: Date) {
  const [token] = await tx.authToken.updateManyAndReturn({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: at } },
    data: { usedAt: at },
    select: { userId: true, email: true },
  });
  return token ?? null;
}

/** Sets the new password and retires every other reset link of that person, all or nothing. */
export async function resetPasswordWithToken(tokenHash: string, passwordHash: string, at: Date): Promise<{ email: string } | null> {
  return db().$transaction(async (tx) => {
    const token = await consumeToken(tx, tokenHash, 'PASSWORD_RESET', at);
    if (!token) return null;
    const user = await tx.user.update({ where: { id: token.userId }, data: { passwordHash }, select: { email: true } });
    await tx.authToken.updateMany({ where: { userId: token.userId, purpose: 'PASSWORD_RESET', usedAt: null }, data: { usedAt: at } });
    return user;
  });
}

/** Marks the address verified, moving the account to it when it is a new one. */
export async function verifyEmailWithToken(tokenHash: string, at: Date): Promise<{ email: string } | 'taken' | null> {
  try {
    return await db().$transaction(async (tx) => {
      const token = await consumeToken(tx, tokenHash, 'EMAIL_VERIFICATION', at);
      if (!token?.email) return null;
      const user = await tx.user.update({ where: { id: token.userId }, data: { email: token.email, emailVerifiedAt: at }, select: { email: true } });
      // Older links (for this or a previous address) must not move the account back.
      await tx.authToken.updateMany({ where: { userId: token.userId, purpose: 'EMAIL_VERIFICATION', usedAt: null }, data: { usedAt: at } });
      return user;
    });
  } catch (error) {
    // Someone else took the address since the link was sent: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 'taken';
    throw error;
  }
}

export async function updatePasswordHash(userId: string, passwordHash: string, at: Date): Promise<void> {
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } }),
    // A reset link mailed before the change must not undo it.
    db().authToken.updateMany({ where: { userId, purpose: 'PASSWORD_RESET', usedAt: null }, data: { usedAt: at } }),
  ]);
}
