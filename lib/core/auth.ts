import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import type { NextRequest } from 'next/server';
import Credentials from 'next-auth/providers/credentials';
import { cookies, headers } from 'next/headers';
import { findAccountForIdentity, knownDeviceCookie, knownDeviceFromCookieHeader, rememberDevice, verifyPasswordSignIn } from '@/lib/account';
import { externalAuthProviders } from './auth-providers';
import { AppError } from './errors';
import { now } from './clock';
import { env } from './env';
import { sessionMaxAgeSeconds, signedInToken } from './session-token';

/** Raised to the sign-in action through Auth.js, which keeps `code`. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: 'wrong_password' | 'rate_limited' | 'invalid') {
    super();
    this.code = code;
  }
}

/** The client's address: Plaza's server entry (scripts/serve.ts) sets the header from the socket. */
function forwardedIp(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',').pop()?.trim() || 'unknown';
}

/**
 * Someone who signed in with another provider but has no Plaza account yet. It lives only in
 * the signed, encrypted session token and is never a signed-in viewer: the person must first
 * choose a handle (/signup/handle), which creates the account and links the identity.
 */
export type PendingIdentity = {
  provider: string;
  providerAccountId: string;
  email: string | null;
  emailVerified: boolean;
  name: string;
  /** A suggestion from the provider (username or email), not yet checked. */
  handleHint: string;
  /** Epoch ms; a half-finished sign-up is forgotten after this. */
  expiresAt: number;
};

const pendingLifetimeMs = 30 * 60 * 1000;

/** The browser signing in, for its session's device label. */
const userAgent = async () => (await headers()).get('user-agent');

type ProviderProfile = { email_verified?: unknown; preferred_username?: unknown; login?: unknown };

function pendingIdentity(
  account: { provider: string; providerAccountId: string },
  user: { name?: string | null; email?: string | null },
  profile: ProviderProfile | undefined,
): PendingIdentity {
  const email = user.email?.trim().toLowerCase() || null;
  const username = [profile?.preferred_username, profile?.login].find((value): value is string => typeof value === 'string');
  return {
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    email,
    emailVerified: profile?.email_verified === true,
    name: user.name?.trim() || '',
    handleHint: username ?? email?.split('@')[0] ?? '',
    expiresAt: now().getTime() + pendingLifetimeMs,
  };
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: config.secureDeployment,
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    // Failures coming back from a provider land on the sign-in page, which explains them.
    pages: { signIn: '/login', error: '/login' },
    logger: {
      // A refused password is an expected outcome, not a server error worth a stack trace.
      error(error) {
        if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
        console.error(error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        // The single gate for passwords: both the sign-in action and a direct POST to
        // /api/auth/callback/credentials pass through here, so the rate limit cannot be skipped.
        async authorize(credentials, request) {
          try {
            const device = knownDeviceFromCookieHeader(request.headers.get('cookie'));
            const user = await verifyPasswordSignIn(credentials, { ip: forwardedIp(request), device });
            // From now on this browser's attempts at this account are counted apart from strangers'.
            (await cookies()).set(knownDeviceCookie, rememberDevice(device, user.id), {
              httpOnly: true,
              sameSite: 'lax',
              secure: config.secureDeployment,
              path: '/',
              maxAge: 365 * 24 * 60 * 60,
            });
            return { id: user.id, name: user.name, email: user.email, handle: user.handle };
          } catch (error) {
            if (error instanceof AppError) {
              throw new SignInRefused(error.code === 'RATE_LIMITED' ? 'rate_limited' : error.code === 'INVALID' ? 'wrong_password' : 'invalid');
            }
            throw error;
          }
        },
      }),
      ...externalAuthProviders(),
    ],
    callbacks: {
      async jwt({ token, user, account, profile, trigger }) {
        if (account && (account.type === 'oidc' || account.type === 'oauth')) {
          // Only an identity already linked signs in; anything else waits for a handle. Linking
          // by matching email would let whoever controls that address at a provider take over.
          const linked = await findAccountForIdentity(account.provider, account.providerAccountId);
          if (linked) return await signedInToken(linked, await userAgent());
          return { pending: pendingIdentity(account, user, profile as ProviderProfile | undefined) };
        }
        if (trigger === 'update' && token.pending) {
          // Asked after the handle form created the account. Whatever the caller sends as
          // session data is ignored: only a link that now exists in the database promotes it.
          const pending = token.pending as PendingIdentity;
          const linked = await findAccountForIdentity(pending.provider, pending.providerAccountId);
          return linked ? await signedInToken(linked, await userAgent()) : token;
        }
        if (user?.id) return signedInToken({ id: user.id, handle: (user as { handle: string }).handle }, await userAgent());
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        (session.user as { handle?: string }).handle = token.handle as string | undefined;
        if (token.pending) (session as { pending?: PendingIdentity }).pending = token.pending as PendingIdentity;
        if (typeof token.signedInAt === 'number') (session as { signedInAt?: number }).signedInAt = token.signedInAt;
        if (typeof token.sessionId === 'string') (session as { sessionId?: string }).sessionId = token.sessionId;
        return session;
      },
    },
  };
});

/**
 * The route handlers, seeing the request at the address the browser used. Next's request URL
 * turns 127.0.0.1 into "localhost", while sign-ins started from server actions build their
 * URLs from the Host header; a provider's callback must repeat the redirect_uri sent when the
 * sign-in started, so both use the Host header (AUTH_URL, when set, overrides both in
 * next-auth). A plain Request, because a NextRequest would rename the host again.
 */
async function atRequestedHost(request: NextRequest): Promise<NextRequest> {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!host) return request;
  const protocol = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? request.nextUrl.protocol.replace(/:$/, '');
  const url = new URL(request.nextUrl.pathname + request.nextUrl.search, `${protocol}://${host}`);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  // Auth.js reads only the standard Request interface here.
  return new Request(url, { method: request.method, headers: request.headers, body }) as NextRequest;
}

export const authRoutes = {
  GET: async (request: NextRequest) => handlers.GET(await atRequestedHost(request)),
  POST: async (request: NextRequest) => handlers.POST(await atRequestedHost(request)),
};
