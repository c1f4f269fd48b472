'use server';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { action, publicAction } from '@/lib/core/action';
import { signIn, signOut, unstable_update } from '@/lib/core/auth';
import { externalProviders } from '@/lib/core/auth-providers';
import { env } from '@/lib/core/env';
import { AppError } from '@/lib/core/errors';
import { getPendingIdentity, signedInRecently } from '@/lib/core/session';
import * as identities from './identities';
import { completeExternalSignUpSchema, setPasswordSchema, startExternalSignInSchema } from './identity-schemas';

/**
 * Returns the provider's authorization address for the browser to open. The state and PKCE
 * cookies are set here; the provider sends the person back to /api/auth/callback/<provider>,
 * and then to /signup/handle, which either asks for a handle or passes them on to `next`.
 */
export const startExternalSignInAction = publicAction(startExternalSignInSchema, async ({ provider, next }) => {
  if (!externalProviders().some((entry) => entry.id === provider)) throw new AppError('INVALID', 'identity.unknownProvider');
  try {
    const redirectTo = await signIn(provider, { redirect: false, redirectTo: `/signup/handle?${new URLSearchParams({ next })}` });
    return { redirectTo: String(redirectTo) };
  } catch (error) {
    // The provider could not be reached or refused the configuration.
    if (error instanceof AuthError) {
      console.error(error);
      throw new AppError('INVALID', 'identity.providerUnavailable');
    }
    throw error;
  }
});

async function requirePendingIdentity() {
  const pending = await getPendingIdentity();
  if (!pending) throw new AppError('FORBIDDEN', 'identity.expired');
  return pending;
}

export const completeExternalSignUpAction = publicAction(
  completeExternalSignUpSchema,
  async ({ next, ...input }) => {
    await identities.signUpWithIdentity(await requirePendingIdentity(), input);
    // The session token turns from "pending" into a signed-in one now that the link exists.
    await unstable_update({});
    return { redirectTo: next };
  },
  // Counted with password sign-ups: both create accounts.
  { rateLimit: () => ({ name: 'signup', limit: env().RATE_LIMIT_SIGNUP_PER_IP, windowSeconds: 60 * 60 }) },
);

/** Forgets a half-finished sign-up, e.g. to sign in with a password instead. */
export const cancelExternalSignUpAction = publicAction(z.object({}), async () => {
  await requirePendingIdentity();
  await signOut({ redirect: false });
  return { redirectTo: '/login' };
});

export const setPasswordAction = action(setPasswordSchema, async (input, { viewer }) => identities.setPassword(viewer, input, { signedInRecently: await signedInRecently() }));
