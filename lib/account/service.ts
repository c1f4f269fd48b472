import 'server-only';
import { env } from '@/lib/core/env';
import { AppError, notFound } from '@/lib/core/errors';
import { countHit, forgiveHit, rateLimited, type RateLimitRule } from '@/lib/core/rate-limit';
import type { Viewer } from '@/lib/core/session';
import * as accounts from './db';
import type { KnownDevice } from './known-devices';
import { burnPasswordCheck, hashPassword, isCommonPassword, passwordMatches } from './passwords';
import { canEditAccount, isReservedHandle } from './policy';
import { signInSchema, type OwnAccountDto, type SignUpInput, type UpdateProfileInput } from './schemas';

export async function signUp(input: SignUpInput): Promise<OwnAccountDto> {
  const fieldErrors: Record<string, string> = {};
  if (isReservedHandle(input.handle)) fieldErrors.handle = 'handle.taken';
  if (isCommonPassword(input.password)) fieldErrors.password = 'password.common';
  const taken = await accounts.findEmailOrHandleTaken(input.email, input.handle);
  if (taken.email) fieldErrors.email = 'email.taken';
  if (taken.handle) fieldErrors.handle = 'handle.taken';
  if (Object.keys(fieldErrors).length > 0) throw new AppError('INVALID', 'checkFields', fieldErrors);

  const created = await accounts.insertUser({
    email: input.email,
    handle: input.handle,
    name: input.name,
    passwordHash: await hashPassword(input.password),
  });
  // Two sign-ups racing for the same handle: the unique index picks one, the other hears why.
  if ('taken' in created) {
    throw new AppError('CONFLICT', 'checkFields', { [created.taken]: `${created.taken}.taken` });
  }
  return created;
}

const signInRules = () => {
  const config = env();
  const rule = (name: string, limit: number): RateLimitRule => ({ name, limit, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS });
  return {
    account: rule('signin-account', config.RATE_LIMIT_SIGNIN_PER_ACCOUNT),
    // The owner's own browsers: the same allowance, counted apart from strangers'.
    knownDevice: rule('signin-known-device', config.RATE_LIMIT_SIGNIN_PER_ACCOUNT),
    ip: rule('signin-ip', config.RATE_LIMIT_SIGNIN_PER_IP),
  };
};

export type SignInClient = { ip: string; device: KnownDevice | null };

/**
 * Checks an email and password. Every attempt is counted before the password is verified, in
 * one atomic statement that returns the new count, so a hundred parallel guesses get no more
 * verifications than the limit; a right password gives its attempt back. A browser that signed
 * in to this account before is counted on its own, so strangers' guessing cannot lock out the
 * owner. Past the limit every attempt is refused, even with the right password, until the
 * window ends.
 */
export async function verifyPasswordSignIn(raw: unknown, client: SignInClient) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('INVALID', 'wrongPassword');
  const { email, password } = parsed.data;
  const rules = signInRules();

  const user = await accounts.findCredentialsByEmail(email);
  const knownDevice = user && client.device?.accountIds.includes(user.id) ? client.device : null;
  const [accountRule, accountSubject] = knownDevice ? [rules.knownDevice, `${user!.id}:${knownDevice.deviceId}`] : [rules.account, email];
  const [accountAttempts, ipAttempts] = await Promise.all([countHit(accountRule, accountSubject), knownDevice ? 0 : countHit(rules.ip, client.ip)]);
  if (accountAttempts > accountRule.limit) throw rateLimited(accountRule);
  if (ipAttempts > rules.ip.limit) throw rateLimited(rules.ip);

  const ok = user?.passwordHash ? await passwordMatches(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !ok) throw new AppError('INVALID', 'wrongPassword');
  await Promise.all([forgiveHit(accountRule, accountSubject), knownDevice ? undefined : forgiveHit(rules.ip, client.ip)]);
  return { id: user.id, handle: user.handle, name: user.name, email: user.email };
}

export async function getOwnAccount(viewer: Viewer): Promise<OwnAccountDto> {
  const account = await accounts.findOwnAccount(viewer.id);
  if (!account) throw notFound();
  return account;
}

export async function updateProfile(viewer: Viewer, input: UpdateProfileInput): Promise<OwnAccountDto> {
  if (!canEditAccount(viewer, viewer.id)) throw new AppError('FORBIDDEN', 'forbidden');
  return accounts.updateProfile(viewer.id, { name: input.name, bio: input.bio, location: input.location });
}

/** For start-up tasks (demo data on an empty database); reveals nothing about anyone. */
export async function countPeople(): Promise<number> {
  return accounts.countUsers();
}
