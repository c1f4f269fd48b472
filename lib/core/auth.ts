import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { verifyPasswordSignIn } from '@/lib/account';
import { AppError } from './errors';
import { env } from './env';

/** Raised to the sign-in action through Auth.js, which keeps `code`. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: 'wrong_password' | 'rate_limited' | 'invalid') {
    super();
    this.code = code;
  }
}

function forwardedIp(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',').pop()?.trim() || 'unknown';
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: config.secureDeployment,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/login' },
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
            const user = await verifyPasswordSignIn(credentials, forwardedIp(request));
            return { id: user.id, name: user.name, email: user.email, handle: user.handle };
          } catch (error) {
            if (error instanceof AppError) {
              throw new SignInRefused(error.code === 'RATE_LIMITED' ? 'rate_limited' : error.code === 'INVALID' ? 'wrong_password' : 'invalid');
            }
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.handle = (user as { handle?: string }).handle;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        (session.user as { handle?: string }).handle = token.handle as string | undefined;
        return session;
      },
    },
  };
});
