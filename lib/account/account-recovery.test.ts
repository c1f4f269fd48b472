import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { moveClock, resetClock } from '@/lib/core/clock';
import { db } from '@/lib/core/db';
import { refusal } from '@/tests/support/refusal';
import { runDueJobs } from '@/lib/core/jobs';
import type { Viewer } from '@/lib/core/session';
import { changePassword, checkResetLink, getAccountSettings, hashToken, requestEmailChange, requestPasswordReset, resetPassword, sendSignUpVerification, verifyEmail } from './recovery';
import { signUp, verifyPasswordSignIn } from './service';

const context = { origin: 'http://plaza.test', locale: 'en' };
const mailKinds = ['account.password-reset', 'mail.send'];
let serial = 0;

async function newAccount() {
  serial += 1;
  const handle = `rec${Date.now().toString(36)}${serial}`;
  const password = 'correct horse battery staple';
  const account = await signUp({ name: 'Recovery Test', handle, email: `${handle}@example.test`, password });
  return { ...account, password };
}

const asViewer = (account: { id: string; handle: string }): Viewer => ({ kind: 'person', id: account.id, handle: account.handle, isAdmin: false });

/** Runs the queued jobs and returns the newest stored mail to `to`. */
async function latestMailTo(to: string) {
  await runDueJobs({ kinds: mailKinds });
  return db().outgoingMail.findFirst({ where: { to }, orderBy: { createdAt: 'desc' } });
}

function linkIn(text: string, path: 'reset' | 'verify'): string {
  const match = new RegExp(`http://plaza\\.test/${path}/([A-Za-z0-9_-]{43})`).exec(text);
  expect(match, text).not.toBeNull();
  return match![1]!;
}


async function resetTokenFor(email: string, ip = '203.0.113.1'): Promise<string> {
  await requestPasswordReset(email, ip, context);
  const mail = await latestMailTo(email);
  expect(mail?.subject).toBe('Reset your Plaza password');
  return linkIn(mail!.text, 'reset');
}

afterEach(() => resetClock());
afterAll(async () => {
  await db().$disconnect();
});

describe('password reset', () => {
  it('a reset link sets a new password once; the old password stops working', async () => {
    const account = await newAccount();
    const token = await resetTokenFor(account.email);
    expect(await checkResetLink(token)).toBe('valid');

    await expect(resetPassword({ token, password: 'a brand new passphrase' })).resolves.toEqual({ email: account.email });
    await expect(verifyPasswordSignIn({ email: account.email, password: 'a brand new passphrase' }, { ip: '203.0.113.2', device: null })).resolves.toMatchObject({ id: account.id });
    await expect(verifyPasswordSignIn({ email: account.email, password: account.password }, { ip: '203.0.113.2', device: null })).rejects.toMatchObject({ code: 'INVALID' });

    const second = await refusal(resetPassword({ token, password: 'yet another passphrase' }));
    expect(second.messageRef).toBe('recovery.linkUsed');
    expect(await checkResetLink(token)).toBe('used');
    await expect(verifyPasswordSignIn({ email: account.email, password: 'a brand new passphrase' }, { ip: '203.0.113.2', device: null })).resolves.toMatchObject({ id: account.id });
  });

  it('using one link retires the other links sent before it', async () => {
    const account = await newAccount();
    const older = await resetTokenFor(account.email);
    const newer = await resetTokenFor(account.email);
    await resetPassword({ token: newer, password: 'a brand new passphrase' });
    expect((await refusal(resetPassword({ token: older, password: 'sneaky other passphrase' }))).messageRef).toBe('recovery.linkUsed');
  });

  it('a link expires after one hour', async () => {
    const account = await newAccount();
    const token = await resetTokenFor(account.email);
    moveClock(59 * 60 * 1000);
    expect(await checkResetLink(token)).toBe('valid');
    moveClock(2 * 60 * 1000);
    expect(await checkResetLink(token)).toBe('expired');
    const refused = await refusal(resetPassword({ token, password: 'a brand new passphrase' }));
    expect(refused.messageRef).toBe('recovery.linkExpired');
    resetClock();
    await expect(verifyPasswordSignIn({ email: account.email, password: account.password }, { ip: '203.0.113.3', device: null })).resolves.toMatchObject({ id: account.id });
  });

  it('an unknown email gets the same answer as a known one, and no mail', async () => {
    const account = await newAccount();
    const unknown = `nobody${Date.now().toString(36)}@example.test`;
    const known = await requestPasswordReset(account.email, '203.0.113.4', context);
    const stranger = await requestPasswordReset(unknown, '203.0.113.4', context);
    expect(stranger).toEqual(known);
    expect(await latestMailTo(unknown)).toBeNull();
    expect(await latestMailTo(account.email)).not.toBeNull();
  });

  it('stores only the SHA-256 of the token', async () => {
    const account = await newAccount();
    const token = await resetTokenFor(account.email);
    const rows = await db().authToken.findMany({ where: { userId: account.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    // The job that carried the mail no longer holds the link either.
    const jobs = await db().job.findMany({ where: { kind: 'mail.send', status: 'DONE' }, select: { payload: true } });
    expect(JSON.stringify(jobs)).not.toContain(token);
  });

  it('refuses a common new password without using up the link', async () => {
    const account = await newAccount();
    const token = await resetTokenFor(account.email);
    expect((await refusal(resetPassword({ token, password: 'password123' }))).fieldErrors.password).toBe('password.common');
    expect(await checkResetLink(token)).toBe('valid');
  });

  it('limits requests per email address', async () => {
    const account = await newAccount();
    const limit = Number(process.env.RATE_LIMIT_RESET_PER_EMAIL ?? 5);
    for (let attempt = 0; attempt < limit; attempt += 1) await requestPasswordReset(account.email, `198.51.100.${attempt}`, context);
    expect((await refusal(requestPasswordReset(account.email, '198.51.100.200', context))).code).toBe('RATE_LIMITED');
  });
});

describe('email verification and settings', () => {
  it('the sign-up link confirms the address', async () => {
    const account = await newAccount();
    expect((await getAccountSettings(asViewer(account))).emailVerified).toBe(false);
    await sendSignUpVerification(account, context);
    const token = linkIn((await latestMailTo(account.email))!.text, 'verify');
    await expect(verifyEmail(token)).resolves.toEqual({ state: 'verified', email: account.email });
    expect((await getAccountSettings(asViewer(account))).emailVerified).toBe(true);
    await expect(verifyEmail(token)).resolves.toEqual({ state: 'used' });
  });

  it('a new address replaces the old one only after its link is followed', async () => {
    const account = await newAccount();
    const viewer = asViewer(account);
    const wrong = await refusal(requestEmailChange(viewer, { email: `new.${account.email}`, currentPassword: 'not my password' }, context));
    expect(wrong.fieldErrors.currentPassword).toBe('recovery.wrongCurrentPassword');

    const other = await newAccount();
    const taken = await refusal(requestEmailChange(viewer, { email: other.email, currentPassword: account.password }, context));
    expect(taken.fieldErrors.email).toBe('email.taken');

    const newEmail = `new.${account.email}`;
    await requestEmailChange(viewer, { email: newEmail, currentPassword: account.password }, context);
    expect(await getAccountSettings(viewer)).toMatchObject({ email: account.email, pendingEmail: newEmail });
    const token = linkIn((await latestMailTo(newEmail))!.text, 'verify');
    await expect(verifyEmail(token)).resolves.toEqual({ state: 'verified', email: newEmail });
    expect(await getAccountSettings(viewer)).toMatchObject({ email: newEmail, emailVerified: true, pendingEmail: null });
  });

  it('changing the password needs the current one', async () => {
    const account = await newAccount();
    const viewer = asViewer(account);
    const refused = await refusal(changePassword(viewer, { currentPassword: 'not my password', newPassword: 'a brand new passphrase' }));
    expect(refused.fieldErrors).toEqual({ currentPassword: 'recovery.wrongCurrentPassword' });
    await changePassword(viewer, { currentPassword: account.password, newPassword: 'a brand new passphrase' });
    await expect(verifyPasswordSignIn({ email: account.email, password: 'a brand new passphrase' }, { ip: '203.0.113.9', device: null })).resolves.toMatchObject({ id: account.id });
  });
});
