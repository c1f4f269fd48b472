'use server';
import { cookies } from 'next/headers';
import { CredentialsSignin } from 'next-auth';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { action, publicAction } from '@/lib/core/action';
import { signIn, signOut } from '@/lib/core/auth';
import { env } from '@/lib/core/env';
import { AppError } from '@/lib/core/errors';
import { localeCookie, locales } from '@/lib/core/i18n/locales';
import { publicOrigin } from '@/lib/core/request';
import { sendSignUpVerification } from './recovery';
import { nextPathSchema } from './identity-schemas';
import { signInSchema, signUpSchema, updateProfileSchema } from './schemas';
import * as accounts from './service';
import { endCurrentSession, endDevice, endOtherDevices } from './sessions';

async function startSession(email: string, password: string): Promise<void> {
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    if (error.code === 'rate_limited') {
      const minutes = Math.ceil(env().RATE_LIMIT_WINDOW_SECONDS / 60);
      throw new AppError('RATE_LIMITED', { key: 'rateLimited', values: { minutes } });
    }
    throw new AppError('INVALID', 'wrongPassword', { password: 'wrongPassword' });
  }
}

export const signUpAction = publicAction(
  signUpSchema.extend({ next: nextPathSchema }),
  async (input) => {
    const account = await accounts.signUp(input);
    await sendSignUpVerification(account, { origin: publicOrigin(), locale: await getLocale() });
    await startSession(input.email, input.password);
    return { redirectTo: input.next };
  },
  {
    rateLimit: () => ({ name: 'signup', limit: env().RATE_LIMIT_SIGNUP_PER_IP, windowSeconds: 60 * 60 }),
  },
);

export const signInAction = publicAction(signInSchema.extend({ next: nextPathSchema }), async (input) => {
  await startSession(input.email, input.password);
  return { redirectTo: input.next };
});

export const signOutAction = action(z.object({}), async (_input, { viewer }) => {
  await endCurrentSession(viewer);
  await signOut({ redirect: false });
  return { redirectTo: '/' };
});

export const updateProfileAction = action(updateProfileSchema, (input, { viewer }) => accounts.updateProfile(viewer, input));

export const setLocaleAction = publicAction(z.object({ locale: z.enum(locales) }), async ({ locale }) => {
  (await cookies()).set(localeCookie, locale, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  return { locale };
});

export const endDeviceAction = action(z.object({ sessionId: z.string().min(1).max(64) }), ({ sessionId }, { viewer }) => endDevice(viewer, sessionId));

export const endOtherDevicesAction = action(z.object({ intent: z.literal('sign-out-everywhere-else') }), (_input, { viewer }) => endOtherDevices(viewer));
