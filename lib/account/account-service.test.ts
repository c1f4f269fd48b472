import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/core/db';
import { refusal } from '@/tests/support/refusal';
import type { Viewer } from '@/lib/core/session';
import { signUpSchema } from './schemas';
import { getOwnAccount, signUp, updateProfile, verifyPasswordSignIn } from './service';

let serial = 0;
function person() {
  serial += 1;
  const handle = `svc${Date.now().toString(36)}${serial}`;
  return signUpSchema.parse({ name: 'Service Test', handle, email: `${handle}@example.test`, password: 'correct horse battery staple' });
}


const asViewer = (account: { id: string; handle: string }): Viewer => ({ kind: 'person', id: account.id, handle: account.handle, isAdmin: false });

afterAll(async () => {
  await db().$disconnect();
});

describe('sign-up', () => {
  it('stores the account with a hashed password and lower-case handle and email', async () => {
    const input = signUpSchema.parse({ name: ' Ana ', handle: '@MixedCase_1', email: ' Mixed@Example.TEST ', password: 'correct horse battery staple' });
    const suffix = Date.now().toString(36);
    const account = await signUp({ ...input, handle: `${input.handle}${suffix}`.slice(0, 30), email: `${suffix}.${input.email}` });
    expect(account.handle).toMatch(/^mixedcase_1/);
    expect(account.email).toBe(`${suffix}.mixed@example.test`);
    expect(account.name).toBe('Ana');
    const row = await db().user.findUniqueOrThrow({ where: { id: account.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('correct horse');
  });

  it('refuses a taken handle or email beside the field, writing nothing', async () => {
    const first = person();
    await signUp(first);
    const before = await db().user.count();
    const sameHandle = await refusal(signUp({ ...person(), handle: first.handle }));
    expect(sameHandle.fieldErrors).toEqual({ handle: 'handle.taken' });
    const sameEmail = await refusal(signUp({ ...person(), email: first.email }));
    expect(sameEmail.fieldErrors).toEqual({ email: 'email.taken' });
    expect(await db().user.count()).toBe(before);
  });

  it('refuses common passwords and reserved handles', async () => {
    const common = await refusal(signUp({ ...person(), password: 'iloveyou123' }));
    expect(common.fieldErrors.password).toBe('password.common');
    const reserved = await refusal(signUp({ ...person(), handle: 'admin' }));
    expect(reserved.fieldErrors.handle).toBe('handle.taken');
  });

  it('lets only one of two racing sign-ups take a handle', async () => {
    const a = person();
    const b = { ...person(), handle: a.handle };
    const results = await Promise.allSettled([signUp(a), signUp(b)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await db().user.count({ where: { handle: a.handle } })).toBe(1);
  });

  it('validates handles, emails and passwords with messages for each field', () => {
    const result = signUpSchema.safeParse({ name: '', handle: '1x', email: 'nope', password: 'short' });
    expect(result.success).toBe(false);
    // The form shows the first problem of each field.
    const messages: Record<string, string> = {};
    for (const issue of result.error!.issues) messages[String(issue.path[0])] ??= issue.message;
    expect(messages).toEqual({ name: 'name.required', handle: 'handle.tooShort', email: 'email.invalid', password: 'password.tooShort' });
  });
});

describe('password sign-in', () => {
  it('accepts the right password and refuses a wrong one or an unknown email alike', async () => {
    const input = person();
    await signUp(input);
    await expect(verifyPasswordSignIn({ email: input.email.toUpperCase(), password: input.password }, { ip: '10.0.0.1', device: null })).resolves.toMatchObject({ handle: input.handle });
    const wrong = await refusal(verifyPasswordSignIn({ email: input.email, password: 'nope nope nope' }, { ip: '10.0.0.1', device: null }));
    const unknown = await refusal(verifyPasswordSignIn({ email: `x${input.email}`, password: 'nope nope nope' }, { ip: '10.0.0.1', device: null }));
    expect(wrong.code).toBe('INVALID');
    expect(unknown.messageRef).toEqual(wrong.messageRef);
  });

  it('refuses the attempt after N failures even with the right password', async () => {
    const limit = Number(process.env.RATE_LIMIT_SIGNIN_PER_ACCOUNT ?? 5);
    const input = person();
    await signUp(input);
    for (let attempt = 0; attempt < limit; attempt += 1) {
      expect((await refusal(verifyPasswordSignIn({ email: input.email, password: `wrong ${attempt}` }, { ip: `10.1.0.${attempt}`, device: null }))).code).toBe('INVALID');
    }
    const refused = await refusal(verifyPasswordSignIn({ email: input.email, password: input.password }, { ip: '10.2.0.1', device: null }));
    expect(refused.code).toBe('RATE_LIMITED');
  });
});

describe('profile', () => {
  it('edits only the viewer\'s own name and bio', async () => {
    const account = await signUp(person());
    const updated = await updateProfile(asViewer(account), { name: 'New Name', bio: 'Hello there', location: 'Porto' });
    expect(updated).toMatchObject({ name: 'New Name', bio: 'Hello there', location: 'Porto' });
    expect(await getOwnAccount(asViewer(account))).toMatchObject({ bio: 'Hello there', email: account.email });
  });
});
