import 'server-only';
import { env } from '@/lib/core/env';
import { AppError, notFound } from '@/lib/core/errors';
import { countHit, currentHits, rateLimited, type RateLimitRule } from '@/lib/core/rate-limit';
import type { Viewer } from '@/lib/core/session';
import * as accounts from './db';
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

const signInRules = (): { account: RateLimitRule; ip: RateLimitRule } => {
  const config = env();
  return {
    account: { name: 'signin-account', limit: config.RATE_LIMIT_SIGNIN_PER_ACCOUNT, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS },
    ip: { name: 'signin-ip', limit: config.RATE_LIMIT_SIGNIN_PER_IP, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS },
  };
};

/**
 * Checks an email and password. Wrong passwords are counted per account and per address; past
 * the limit every attempt is refused, even with the right password, until the window ends.
 */
export async function verifyPasswordSignIn(raw: unknown, ip: string) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('INVALID', 'wrongPassword');
  const { email, password } = parsed.data;
  const rules = signInRules();

  const [accountFailures, ipFailures] = await Promise.all([
    currentHits(rules.account, email),
    currentHits(rules.ip, ip),
  ]);
  if (accountFailures >= rules.account.limit) throw rateLimited(rules.account);
  if (ipFailures >= rules.ip.limit) throw rateLimited(rules.ip);

  const user = await accounts.findCredentialsByEmail(email);
  const ok = user?.passwordHash ? await passwordMatches(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !ok) {
    await Promise.all([countHit(rules.account, email), countHit(rules.ip, ip)]);
    throw new AppError('INVALID', 'wrongPassword');
  }
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
