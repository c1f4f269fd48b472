import 'server-only';
import { now } from '@/lib/core/clock';
import { AppError, notFound } from '@/lib/core/errors';
import type { PendingIdentity, Viewer } from '@/lib/core/session';
import * as accounts from './db';
import type { CompleteExternalSignUpInput, SetPasswordInput, SignInMethodsDto } from './identity-schemas';
import { hashPassword, isCommonPassword } from './passwords';
import { canEditAccount, isReservedHandle } from './policy';
import type { OwnAccountDto } from './schemas';

/**
 * Accounts that sign in through another provider (OpenID Connect, GitHub, Google). An identity
 * is linked once, when its account is created; later sign-ins with it go straight in.
 */

/** For the sign-in callback: the account this identity signs in to, or null if none yet. */
export async function findAccountForIdentity(provider: string, providerAccountId: string): Promise<{ id: string; handle: string } | null> {
  return accounts.findAccountByIdentity(provider, providerAccountId);
}

/** Why a pending identity cannot become an account at all, before asking for a handle. */
export async function checkPendingIdentity(identity: PendingIdentity): Promise<'ok' | 'noEmail' | 'emailTaken'> {
  if (!identity.email) return 'noEmail';
  return (await accounts.isEmailTaken(identity.email)) ? 'emailTaken' : 'ok';
}

/** A handle the person may like, derived from the provider's username or email; may be taken. */
export function suggestHandle(identity: PendingIdentity): string {
  const cleaned = identity.handleHint
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 30);
  return cleaned.length >= 3 && !isReservedHandle(cleaned) ? cleaned : '';
}

/**
 * Creates the account for a person who signed in elsewhere, with no password, and links the
 * identity. An email that already belongs to an account is refused, never linked silently:
 * that account's owner signs in with their password.
 */
export async function signUpWithIdentity(identity: PendingIdentity, input: Omit<CompleteExternalSignUpInput, 'next'>): Promise<OwnAccountDto> {
  if (identity.expiresAt < now().getTime()) throw new AppError('FORBIDDEN', 'identity.expired');
  if (!identity.email) throw new AppError('INVALID', 'identity.noEmail');
  if (isReservedHandle(input.handle)) throw new AppError('INVALID', 'checkFields', { handle: 'handle.taken' });
  if (await accounts.isEmailTaken(identity.email)) {
    throw new AppError('CONFLICT', { key: 'identity.emailTaken', values: { email: identity.email } });
  }
  const created = await accounts.insertUserWithIdentity(
    { email: identity.email, handle: input.handle, name: input.name, emailVerifiedAt: identity.emailVerified ? now() : null },
    { provider: identity.provider, providerAccountId: identity.providerAccountId },
  );
  if (!('taken' in created)) return created;
  if (created.taken === 'handle') throw new AppError('CONFLICT', 'checkFields', { handle: 'handle.taken' });
  if (created.taken === 'email') throw new AppError('CONFLICT', { key: 'identity.emailTaken', values: { email: identity.email } });
  // The same identity finished sign-up twice at once (a double submit): the other one won.
  throw new AppError('CONFLICT', 'identity.alreadyLinked');
}

export async function getSignInMethods(viewer: Viewer): Promise<SignInMethodsDto> {
  const methods = await accounts.findSignInMethods(viewer.id);
  if (!methods) throw notFound();
  return methods;
}

/**
 * "An account may link a password later": only while it has none; changing one is not this.
 * The account has no password to confirm, so a fresh sign-in is the proof: an unlocked phone
 * left signed in must not be enough to give the account a password someone else knows.
 */
export async function setPassword(viewer: Viewer, input: SetPasswordInput, proof: { signedInRecently: boolean }): Promise<void> {
  if (!canEditAccount(viewer, viewer.id)) throw new AppError('FORBIDDEN', 'forbidden');
  if (!proof.signedInRecently) throw new AppError('FORBIDDEN', 'identity.signInAgainToSetPassword');
  if (isCommonPassword(input.password)) throw new AppError('INVALID', 'checkFields', { password: 'password.common' });
  const set = await accounts.setPasswordIfNone(viewer.id, await hashPassword(input.password));
  if (!set) throw new AppError('CONFLICT', 'identity.passwordAlreadySet');
}
