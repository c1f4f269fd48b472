'use server';
import { CredentialsSignin } from 'next-auth';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { action, publicAction } from '@/lib/core/action';
import { signIn } from '@/lib/core/auth';
import { publicOrigin } from '@/lib/core/request';
import * as recovery from './recovery';
import { changeEmailSchema, changePasswordSchema, forgotPasswordSchema, resetPasswordSchema, type MailContext } from './recovery-schemas';

async function mailContext(): Promise<MailContext> {
  return { origin: publicOrigin(), locale: await getLocale() };
}

// Rate limits per address and per email live in the service, where they cannot be skipped.
export const requestPasswordResetAction = publicAction(forgotPasswordSchema, async ({ email }, { ip }) =>
  recovery.requestPasswordReset(email, ip, await mailContext()),
);

export const resetPasswordAction = publicAction(resetPasswordSchema, async (input) => {
  const { email } = await recovery.resetPassword(input);
  try {
    await signIn('credentials', { email, password: input.password, redirect: false });
    return { redirectTo: '/chats' };
  } catch (error) {
    // The password is set either way; a refused sign-in (e.g. still rate-limited) just means signing in by hand.
    if (error instanceof CredentialsSignin) return { redirectTo: '/login' };
    throw error;
  }
});

const settingsLimit = () => ({ name: 'account-settings', limit: 20, windowSeconds: 15 * 60 });

export const changePasswordAction = action(changePasswordSchema, (input, { viewer }) => recovery.changePassword(viewer, input), { rateLimit: settingsLimit });

export const changeEmailAction = action(changeEmailSchema, async (input, { viewer }) => recovery.requestEmailChange(viewer, input, await mailContext()), {
  rateLimit: settingsLimit,
});

// A named intent, so an empty or stray request does not send mail.
export const resendVerificationAction = action(z.object({ intent: z.literal('resend-verification') }), async (_input, { viewer }) => recovery.resendEmailVerification(viewer, await mailContext()), {
  rateLimit: () => ({ name: 'verify-resend', limit: 5, windowSeconds: 60 * 60 }),
});
