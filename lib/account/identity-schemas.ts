import { z } from 'zod';
import { safeNextPath } from './next-path';
import { handleSchema, nameSchema, newPasswordSchema } from './schemas';

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export const nextPathSchema = z.string().max(2000).optional().transform((value) => safeNextPath(value));

export const startExternalSignInSchema = z.object({
  provider: z.string().min(1, 'identity.unknownProvider').max(40, 'identity.unknownProvider'),
  next: nextPathSchema,
});

export const completeExternalSignUpSchema = z.object({
  name: nameSchema,
  handle: handleSchema,
  next: nextPathSchema,
});
export type CompleteExternalSignUpInput = z.output<typeof completeExternalSignUpSchema>;

export const setPasswordSchema = z.object({ password: newPasswordSchema });
export type SetPasswordInput = z.output<typeof setPasswordSchema>;

/** How an account can sign in, for its owner's eyes. */
export type SignInMethodsDto = { hasPassword: boolean; providers: string[] };
