import { z } from 'zod';

/** Message values are keys under `errors` in the i18n messages. */
export const handleSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/^@/, '').toLowerCase())
  .pipe(
    z
      .string()
      .min(3, 'handle.tooShort')
      .max(30, 'handle.tooLong')
      .regex(/^[a-z][a-z0-9_]*$/, 'handle.format'),
  );

export const emailSchema = z.string().trim().toLowerCase().max(254, 'email.invalid').pipe(z.email('email.invalid'));

export const newPasswordSchema = z.string().min(8, 'password.tooShort').max(200, 'password.tooLong');

export const nameSchema = z.string().trim().min(1, 'name.required').max(60, 'name.tooLong');

export const signUpSchema = z.object({
  name: nameSchema,
  handle: handleSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.output<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'password.required').max(200, 'password.tooLong'),
});
export type SignInInput = z.output<typeof signInSchema>;

export const updateProfileSchema = z.object({
  name: nameSchema,
  bio: z.string().trim().max(300, 'bio.tooLong'),
  location: z.string().trim().max(80, 'location.tooLong').default(''),
});
export type UpdateProfileInput = z.output<typeof updateProfileSchema>;

/** What a profile view shows; never the password hash or the email. */
export type ProfileDto = { id: string; handle: string; name: string; bio: string };
/** What the owner sees of their own account. */
export type OwnAccountDto = ProfileDto & { email: string; location: string };
