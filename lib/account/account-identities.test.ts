import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/core/db';
import { AppError } from '@/lib/core/errors';
import type { PendingIdentity, Viewer } from '@/lib/core/session';
import { checkPendingIdentity, findAccountForIdentity, getSignInMethods, setPassword, signUpWithIdentity, suggestHandle } from './identities';
import { signUp, verifyPasswordSignIn } from './service';

let serial = 0;
function unique(label: string) {
  serial += 1;
  return `${label}${Date.now().toString(36)}${serial}`;
}

function identity(overrides: Partial<PendingIdentity> = {}): PendingIdentity {
  const id = unique('idp');
  return {
    provider: 'oidc',
    providerAccountId: id,
    email: `${id}@Provider.TEST`.toLowerCase(),
    emailVerified: true,
    name: 'Provider Person',
    handleHint: id,
    expiresAt: Date.now() + 60_000,
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const asViewer = (account: { id: string; handle: string }): Viewer => ({ kind: 'person', id: account.id, handle: account.handle, isAdmin: false });

afterAll(async () => {
  await db().$disconnect();
});

describe('signing up with another provider', () => {
  it('creates an account without a password and links the identity, so the next sign-in finds it', async () => {
    const pending = identity();
    expect(await findAccountForIdentity(pending.provider, pending.providerAccountId)).toBeNull();
    expect(await checkPendingIdentity(pending)).toBe('ok');

    const handle = unique('h');
    const account = await signUpWithIdentity(pending, { name: 'Chosen Name', handle });
    expect(account).toMatchObject({ handle, name: 'Chosen Name', email: pending.email });

    expect(await findAccountForIdentity(pending.provider, pending.providerAccountId)).toEqual({ id: account.id, handle });
    // Same account id at another provider is another identity.
    expect(await findAccountForIdentity('github', pending.providerAccountId)).toBeNull();
    const row = await db().user.findUniqueOrThrow({ where: { id: account.id }, select: { passwordHash: true, emailVerifiedAt: true } });
    expect(row.passwordHash).toBeNull();
    expect(row.emailVerifiedAt).not.toBeNull();
    expect(await getSignInMethods(asViewer(account))).toEqual({ hasPassword: false, providers: ['oidc'] });
  });

  it('refuses an email that already has an account, clearly, and links nothing', async () => {
    const existing = await signUp({ name: 'Password Person', handle: unique('pw'), email: `${unique('pw')}@example.test`, password: 'correct horse battery staple' });
    const pending = identity({ email: existing.email });
    expect(await checkPendingIdentity(pending)).toBe('emailTaken');

    const before = await db().user.count();
    const refused = await refusal(signUpWithIdentity(pending, { name: 'Intruder', handle: unique('in') }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.messageRef).toEqual({ key: 'identity.emailTaken', values: { email: existing.email } });
    expect(await db().user.count()).toBe(before);
    expect(await findAccountForIdentity(pending.provider, pending.providerAccountId)).toBeNull();
    expect(await db().externalIdentity.count({ where: { userId: existing.id } })).toBe(0);
  });

  it('refuses a taken handle beside the field and writes neither the account nor the identity', async () => {
    const first = await signUpWithIdentity(identity(), { name: 'First', handle: unique('t') });
    const pending = identity();
    const refused = await refusal(signUpWithIdentity(pending, { name: 'Second', handle: first.handle }));
    expect(refused.fieldErrors).toEqual({ handle: 'handle.taken' });
    expect(await db().user.count({ where: { email: pending.email! } })).toBe(0);
    expect(await findAccountForIdentity(pending.provider, pending.providerAccountId)).toBeNull();
  });

  it('links an identity once, even when the form is sent twice at the same moment', async () => {
    const pending = identity();
    const results = await Promise.allSettled([
      signUpWithIdentity(pending, { name: 'Twice', handle: unique('a') }),
      signUpWithIdentity(pending, { name: 'Twice', handle: unique('b') }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await db().user.count({ where: { email: pending.email! } })).toBe(1);
    expect(await db().externalIdentity.count({ where: { provider: pending.provider, providerAccountId: pending.providerAccountId } })).toBe(1);
  });

  it('refuses an identity without an email, or one whose sign-up has expired', async () => {
    expect(await checkPendingIdentity(identity({ email: null }))).toBe('noEmail');
    expect((await refusal(signUpWithIdentity(identity({ email: null }), { name: 'N', handle: unique('n') }))).messageRef).toBe('identity.noEmail');
    expect((await refusal(signUpWithIdentity(identity({ expiresAt: Date.now() - 1 }), { name: 'N', handle: unique('x') }))).code).toBe('FORBIDDEN');
  });

  it('suggests a usable handle from the provider username, or none', () => {
    expect(suggestHandle(identity({ handleHint: 'Ana.Li-88' }))).toBe('ana_li_88');
    expect(suggestHandle(identity({ handleHint: '42' }))).toBe('');
    expect(suggestHandle(identity({ handleHint: 'admin' }))).toBe('');
  });
});

describe('setting a password later', () => {
  it('lets an account without a password set one, which then signs in, and only once', async () => {
    const account = await signUpWithIdentity(identity(), { name: 'Later', handle: unique('l') });
    const viewer = asViewer(account);
    const fresh = { signedInRecently: true };
    const common = await refusal(setPassword(viewer, { password: 'password123' }, fresh));
    expect(common.fieldErrors).toEqual({ password: 'password.common' });

    await setPassword(viewer, { password: 'a brand new passphrase' }, fresh);
    expect(await getSignInMethods(viewer)).toEqual({ hasPassword: true, providers: ['oidc'] });
    await expect(verifyPasswordSignIn({ email: account.email, password: 'a brand new passphrase' }, { ip: '10.9.0.1', device: null })).resolves.toMatchObject({ id: account.id });

    const again = await refusal(setPassword(viewer, { password: 'another new passphrase' }, fresh));
    expect(again.code).toBe('CONFLICT');
    await expect(verifyPasswordSignIn({ email: account.email, password: 'a brand new passphrase' }, { ip: '10.9.0.2', device: null })).resolves.toMatchObject({ id: account.id });
  });

  it('asks for a fresh sign-in first: a phone left signed in is not enough', async () => {
    const account = await signUpWithIdentity(identity(), { name: 'Stale', handle: unique('s') });
    const refused = await refusal(setPassword(asViewer(account), { password: 'a brand new passphrase' }, { signedInRecently: false }));
    expect(refused.messageRef).toBe('identity.signInAgainToSetPassword');
    expect(await getSignInMethods(asViewer(account))).toEqual({ hasPassword: false, providers: ['oidc'] });
  });

  it('refuses an account that signed up with a password', async () => {
    const account = await signUp({ name: 'Has One', handle: unique('o'), email: `${unique('o')}@example.test`, password: 'correct horse battery staple' });
    const refused = await refusal(setPassword(asViewer(account), { password: 'a brand new passphrase' }, { signedInRecently: true }));
    expect(refused.messageRef).toBe('identity.passwordAlreadySet');
    await expect(verifyPasswordSignIn({ email: account.email, password: 'correct horse battery staple' }, { ip: '10.9.0.3', device: null })).resolves.toMatchObject({ id: account.id });
  });
});
