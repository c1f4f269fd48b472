import { z } from 'zod';
import { emailSchema, newPasswordSchema } from './schemas';

/** Message values are keys under `errors` in the i18n messages. */
const currentPasswordSchema = z.string().min(1, 'password.required').max(200, 'password.tooLong');
/** 32 random bytes in base64url are 43 characters. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'recovery.linkInvalid');

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({ token: tokenSchema, password: newPasswordSchema });
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

export const changePasswordSchema = z.object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: currentPasswordSchema });
export type ChangeEmailInput = z.output<typeof changeEmailSchema>;

/** Where mail links point and which language the mail speaks. */
export type MailContext = { origin: string; locale: string };

export type TokenState = 'valid' | 'used' | 'expired' | 'invalid';

export type AccountSettingsDto = { email: string; emailVerified: boolean; pendingEmail: string | null; hasPassword: boolean };
