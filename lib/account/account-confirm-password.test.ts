import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/core/db';
import { env } from '@/lib/core/env';
import type { Viewer } from '@/lib/core/session';
import { refusal } from '@/tests/support/refusal';
import { confirmPassword } from './confirm-password';
import { signUpSchema } from './schemas';
import { signUp } from './service';

let serial = 0;
async function account() {
  serial += 1;
  const handle = `cfm${Date.now().toString(36)}${serial}`;
  const created = await signUp(signUpSchema.parse({ name: 'Confirm Test', handle, email: `${handle}@example.test`, password: 'correct horse battery staple' }));
  return { kind: 'person', id: created.id, handle: created.handle, isAdmin: false } satisfies Viewer;
}

afterAll(async () => {
  await db().$disconnect();
});

describe('confirming the password before something large', () => {
  it('accepts the right password and refuses a wrong one on the password field', async () => {
    const viewer = await account();
    await expect(confirmPassword(viewer, 'correct horse battery staple')).resolves.toBeUndefined();
    const wrong = await refusal(confirmPassword(viewer, 'not my password'));
    expect(wrong.fieldErrors).toEqual({ password: 'reauth.wrong' });
    const empty = await refusal(confirmPassword(viewer, ''));
    expect(empty.fieldErrors).toEqual({ password: 'reauth.required' });
  });

  it('stops guessing like sign-in does: past the limit even the right password is refused', async () => {
    const viewer = await account();
    for (let attempt = 0; attempt < env().RATE_LIMIT_SIGNIN_PER_ACCOUNT; attempt++) await refusal(confirmPassword(viewer, `guess ${attempt}`));
    expect((await refusal(confirmPassword(viewer, 'correct horse battery staple'))).code).toBe('RATE_LIMITED');
  });

  it('verifies no more than the limit of 30 parallel guesses: each is counted before it is checked', async () => {
    const viewer = await account();
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, index) => confirmPassword(viewer, `guess ${index}`)));
    const verified = results.filter((result) => result.status === 'rejected' && (result.reason as { code: string }).code === 'INVALID').length;
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThanOrEqual(env().RATE_LIMIT_SIGNIN_PER_ACCOUNT);
  });

  it('asks someone without a password for a fresh sign-in instead, and accepts one', async () => {
    const viewer = await account();
    await db().user.update({ where: { id: viewer.id }, data: { passwordHash: null } });
    const refused = await refusal(confirmPassword(viewer, 'anything'));
    expect(refused.fieldErrors).toEqual({ password: 'reauth.signInAgain' });
    await expect(confirmPassword(viewer, '', { signedInRecently: true })).resolves.toBeUndefined();
  });

  it('never lets a recent sign-in stand in for a password the account has', async () => {
    const viewer = await account();
    expect((await refusal(confirmPassword(viewer, 'wrong', { signedInRecently: true }))).fieldErrors).toEqual({ password: 'reauth.wrong' });
  });
});
