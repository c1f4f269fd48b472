import 'server-only';
import { env } from '@/lib/core/env';
import { AppError, notFound } from '@/lib/core/errors';
import { countHit, forgiveHit, rateLimited, type RateLimitRule } from '@/lib/core/rate-limit';
import type { Viewer } from '@/lib/core/session';
import * as accounts from './db';
import { passwordMatches } from './passwords';

// The same budget as signing in: guessing the password here must be no easier than at /login.
const confirmRule = (): RateLimitRule => {
  const config = env();
  return { name: 'confirm-password', limit: config.RATE_LIMIT_SIGNIN_PER_ACCOUNT, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS };
};

/**
 * Asks a signed-in person for their password again before something that cannot be undone
 * (sending a large sum); for an account without a password, a sign-in within the last few
 * minutes counts instead (the caller reads that from the session). Attempts are counted per
 * account, and a right answer gives its attempt back; past the limit even the right one is
 * refused until the window ends. The error is a field error on `password`.
 */
export async function confirmPassword(viewer: Viewer, password: string, proof: { signedInRecently: boolean } = { signedInRecently: false }): Promise<void> {
  const rule = confirmRule();
  const account = await accounts.findSettings(viewer.id);
  if (!account) throw notFound();
  // Accounts made with another sign-in have no password: a fresh sign-in there is the proof.
  if (!account.passwordHash) {
    if (proof.signedInRecently) return;
    throw new AppError('INVALID', 'reauth.signInAgain', { password: 'reauth.signInAgain' });
  }
  if (!password) throw new AppError('INVALID', 'checkFields', { password: 'reauth.required' });
  // Counted before verifying, in one statement: parallel guesses cannot all slip under the limit.
  if ((await countHit(rule, viewer.id)) > rule.limit) throw rateLimited(rule);
  if (!(await passwordMatches(account.passwordHash, password))) {
    throw new AppError('INVALID', 'checkFields', { password: 'reauth.wrong' });
  }
  await forgiveHit(rule, viewer.id);
}
