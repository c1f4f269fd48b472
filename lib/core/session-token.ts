import 'server-only';
import { encode } from 'next-auth/jwt';
import { beginSession } from '@/lib/account';
import { now } from './clock';
import { env } from './env';

/**
 * What a session token holds, apart from Auth.js's sign-in code so that scripts and test
 * fixtures can mint one without loading Next's request machinery.
 */
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

/**
 * A token for a signed-in person: only what getViewer needs, nothing from the provider. Each
 * sign-in begins a session row whose id the token carries, so the session can be ended from
 * anywhere. `signedInAt` survives token refreshes, so "signed in recently" means a real sign-in.
 */
export async function signedInToken(account: { id: string; handle: string }, userAgent: string | null) {
  const sessionId = await beginSession(account.id, userAgent);
  return { sub: account.id, handle: account.handle, sessionId, signedInAt: now().getTime() };
}

/**
 * A session cookie for `account` as a sign-in sets it (a new session row, the same token,
 * encoded by Auth.js under the cookie's name): for test fixtures, which must not forge sessions.
 */
export async function mintSessionCookie(account: { id: string; handle: string }, userAgent: string): Promise<{ name: string; value: string }> {
  const config = env();
  if (!config.AUTH_SECRET) throw new Error('AUTH_SECRET is not set');
  const name = `${config.secureDeployment ? '__Secure-' : ''}authjs.session-token`;
  const value = await encode({ token: await signedInToken(account, userAgent), secret: config.AUTH_SECRET, salt: name, maxAge: sessionMaxAgeSeconds });
  return { name, value };
}
