import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { now } from '@/lib/core/clock';
import { env } from '@/lib/core/env';
import { AppError, notFound } from '@/lib/core/errors';
import { defaultLocale, isLocale } from '@/lib/core/i18n/locales';
import { messagesFor } from '@/lib/core/i18n/messages';
import { enqueue, registerJobHandler } from '@/lib/core/jobs';
import { sendMail } from '@/lib/core/mail';
import { enforceRateLimit, type RateLimitRule } from '@/lib/core/rate-limit';
import type { SystemViewer, Viewer } from '@/lib/core/session';
import * as accounts from './db';
import { hashPassword, isCommonPassword, passwordMatches } from './passwords';
import { canEditAccount } from './policy';
import { dropEndedConnections } from './sessions';
import {
  tokenSchema,
  type AccountSettingsDto,
  type ChangeEmailInput,
  type ChangePasswordInput,
  type MailContext,
  type ResetPasswordInput,
  type TokenState,
} from './recovery-schemas';

/**
 * Password reset, email verification and account settings. Links carry 32 random bytes; only
 * their SHA-256 is stored, so a copy of the database cannot be used to take over accounts.
 */
const resetLifetimeMs = 60 * 60 * 1000;
const verificationLifetimeMs = 24 * 60 * 60 * 1000;
const resetJobKind = 'account.password-reset';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

type MailTranslator = (key: string, values?: Record<string, string>) => string;

/**
 * Mail is written outside any request (often in a job, where next-intl's request config and
 * React are unavailable), in the language its reader chose. Mail templates use plain
 * `{name}` placeholders only.
 */
function mailTranslator(locale: string): MailTranslator {
  const messages = messagesFor(isLocale(locale) ? locale : defaultLocale).recoveryMail as Record<string, string>;
  return (key, values = {}) => (messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

// ——— Password reset ———

const resetRules = (): { email: RateLimitRule; ip: RateLimitRule } => ({
  email: { name: 'reset-email', limit: env().RATE_LIMIT_RESET_PER_EMAIL, windowSeconds: 60 * 60 },
  ip: { name: 'reset-ip', limit: env().RATE_LIMIT_RESET_PER_IP, windowSeconds: 60 * 60 },
});

/**
 * Always the same answer, and the same work whether or not the address has an account: the
 * lookup and the mail happen later in a job, so neither the reply nor its timing tells.
 */
export async function requestPasswordReset(email: string, ip: string, context: MailContext): Promise<{ requested: true }> {
  const rules = resetRules();
  await enforceRateLimit(rules.ip, ip);
  await enforceRateLimit(rules.email, email);
  await enqueue(resetJobKind, { email, origin: context.origin, locale: context.locale });
  return { requested: true };
}

/** Creates a reset link for the account with this address and mails it; nothing for unknown addresses. */
async function mailResetLink(payload: unknown): Promise<void> {
  const { email, origin, locale } = payload as { email: string } & MailContext;
  const user = await accounts.findUserForRecovery(email);
  if (!user) return;
  const { token, tokenHash } = newToken();
  const at = now();
  const t = mailTranslator(locale);
  const link = `${origin}/reset/${token}`;
  await accounts.insertTokenWithMail({ userId: user.id, purpose: 'PASSWORD_RESET', tokenHash, expiresAt: new Date(at.getTime() + resetLifetimeMs), createdAt: at }, (tx) =>
    sendMail({ to: user.email, subject: t('resetSubject'), text: t('resetText', { name: user.name, link }) }, tx),
  );
}

registerJobHandler(resetJobKind, mailResetLink);

async function tokenState(token: string): Promise<TokenState> {
  if (!tokenSchema.safeParse(token).success) return 'invalid';
  const row = await accounts.findToken(hashToken(token));
  if (!row) return 'invalid';
  if (row.usedAt) return 'used';
  return row.expiresAt <= now() ? 'expired' : 'valid';
}

/** For the reset page: whether to show the form or say why the link no longer works. */
export async function checkResetLink(token: string): Promise<TokenState> {
  return tokenState(token);
}

const linkRefusal = (state: TokenState) => new AppError('INVALID', state === 'used' ? 'recovery.linkUsed' : state === 'expired' ? 'recovery.linkExpired' : 'recovery.linkInvalid');

/** Sets a new password with a reset link, once. Returns the address, to sign the person in. */
export async function resetPassword(input: ResetPasswordInput): Promise<{ email: string }> {
  if (isCommonPassword(input.password)) throw new AppError('INVALID', 'checkFields', { password: 'password.common' });
  const result = await accounts.resetPasswordWithToken(hashToken(input.token), await hashPassword(input.password), now());
  if (!result) throw linkRefusal(await tokenState(input.token));
  // Every session ended with the reset: whoever held one loses its live connections too.
  await dropEndedConnections(result.userId);
  return { email: result.email };
}

// ——— Email verification ———

async function mailVerificationLink(account: { id: string; name?: string }, email: string, context: MailContext): Promise<void> {
  const { token, tokenHash } = newToken();
  const at = now();
  const t = mailTranslator(context.locale);
  const link = `${context.origin}/verify/${token}`;
  await accounts.insertTokenWithMail(
    { userId: account.id, purpose: 'EMAIL_VERIFICATION', tokenHash, email, expiresAt: new Date(at.getTime() + verificationLifetimeMs), createdAt: at },
    (tx) => sendMail({ to: email, subject: t('verifySubject'), text: t('verifyText', { link }) }, tx),
  );
}

/** Right after sign-up: the new account confirms its address. */
export async function sendSignUpVerification(account: { id: string; email: string }, context: MailContext): Promise<void> {
  await mailVerificationLink(account, account.email, context);
}

export async function resendEmailVerification(viewer: Viewer, context: MailContext): Promise<{ sent: boolean }> {
  if (!canEditAccount(viewer, viewer.id)) throw new AppError('FORBIDDEN', 'forbidden');
  const account = await accounts.findSettings(viewer.id);
  if (!account) throw notFound();
  if (account.emailVerifiedAt) return { sent: false };
  await mailVerificationLink(account, account.email, context);
  return { sent: true };
}

export type VerifyResult = { state: 'verified'; email: string } | { state: Exclude<TokenState, 'valid'> | 'taken' };

/**
 * Anyone holding the link may use it: having the mail is what proves the address. When it moves
 * the account to a new address, every other session ends (the browser opening the link, if it
 * is the owner's, stays signed in).
 */
export async function verifyEmail(token: string, viewer: Viewer | null = null): Promise<VerifyResult> {
  if (!tokenSchema.safeParse(token).success) return { state: 'invalid' };
  const result = await accounts.verifyEmailWithToken(hashToken(token), now(), viewer?.sessionId ?? null);
  if (result === 'taken') return { state: 'taken' };
  if (result) {
    if (result.moved) await dropEndedConnections(result.userId);
    return { state: 'verified', email: result.email };
  }
  const state = await tokenState(token);
  return { state: state === 'valid' ? 'invalid' : state };
}

// ——— Settings ———

export async function getAccountSettings(viewer: Viewer): Promise<AccountSettingsDto> {
  if (!canEditAccount(viewer, viewer.id)) throw new AppError('FORBIDDEN', 'forbidden');
  const account = await accounts.findSettings(viewer.id);
  if (!account) throw notFound();
  return {
    email: account.email,
    emailVerified: account.emailVerifiedAt !== null,
    pendingEmail: await accounts.findPendingEmailChange(viewer.id, account.email, now()),
    hasPassword: account.passwordHash !== null,
  };
}

/** Settings changes need the current password: an unlocked phone is not enough to take the account. */
async function requireCurrentPassword(viewer: Viewer, currentPassword: string) {
  if (!canEditAccount(viewer, viewer.id)) throw new AppError('FORBIDDEN', 'forbidden');
  const account = await accounts.findSettings(viewer.id);
  if (!account) throw notFound();
  if (!account.passwordHash) throw new AppError('INVALID', 'recovery.noPassword');
  if (!(await passwordMatches(account.passwordHash, currentPassword))) {
    throw new AppError('INVALID', 'checkFields', { currentPassword: 'recovery.wrongCurrentPassword' });
  }
  return account;
}

export async function changePassword(viewer: Viewer, input: ChangePasswordInput): Promise<{ changed: true }> {
  if (isCommonPassword(input.newPassword)) throw new AppError('INVALID', 'checkFields', { newPassword: 'password.common' });
  await requireCurrentPassword(viewer, input.currentPassword);
  // Whoever else knew the old password is signed out everywhere; this browser stays in.
  const ended = await accounts.updatePasswordHash(viewer.id, await hashPassword(input.newPassword), now(), viewer.sessionId ?? null);
  if (ended > 0) await dropEndedConnections(viewer.id);
  return { changed: true };
}

/** The new address replaces the old one only once its owner follows the link mailed to it. */
export async function requestEmailChange(viewer: Viewer, input: ChangeEmailInput, context: MailContext): Promise<{ pendingEmail: string }> {
  const account = await requireCurrentPassword(viewer, input.currentPassword);
  if (input.email === account.email) throw new AppError('INVALID', 'checkFields', { email: 'recovery.sameEmail' });
  if (await accounts.isEmailTaken(input.email)) throw new AppError('INVALID', 'checkFields', { email: 'email.taken' });
  await mailVerificationLink(account, input.email, context);
  return { pendingEmail: input.email };
}

/** Whether the person confirmed their address: money leaves only such accounts (lib/pay/policy.ts). */
export async function hasVerifiedEmail(personId: string): Promise<boolean> {
  return (await accounts.findEmailVerifiedAt(personId)) !== null;
}

/**
 * For the operator's own data (the demo people, the scale seed, test fixtures): marks an address
 * verified without a mailed link. No person can call it.
 */
export async function markEmailVerified(viewer: SystemViewer, personId: string): Promise<void> {
  if (viewer.kind !== 'system') throw new AppError('FORBIDDEN', 'forbidden');
  await accounts.setEmailVerified(personId, now());
}
