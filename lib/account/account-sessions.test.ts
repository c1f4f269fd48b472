import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

// Mail links must not come from request headers: every header a forger controls says evil.
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'evil.example', origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }),
}));

const { moveClock, resetClock } = await import('@/lib/core/clock');
const { db } = await import('@/lib/core/db');
const { env } = await import('@/lib/core/env');
const { runDueJobs } = await import('@/lib/core/jobs');
const { publicOrigin } = await import('@/lib/core/request');
const { systemViewer } = await import('@/lib/core/viewer');
const { publish, userChannel } = await import('@/lib/realtime');
const { listen, subscriptionCount } = await import('@/tests/support/realtime-listener');
const { refusal } = await import('@/tests/support/refusal');
const { setAdminRole } = await import('./admin-roles');
const { rememberDevice } = await import('./known-devices');
const { mayListenOnUserChannel } = await import('./policy');
const { changePassword, requestEmailChange, requestPasswordReset, resetPassword, verifyEmail } = await import('./recovery');
const { signUp, verifyPasswordSignIn } = await import('./service');
const { beginSession, deviceLabel, endDevice, endOtherDevices, findSessionPerson, listDevices, sessionIdleLimitMs } = await import('./sessions');

type Viewer = import('@/lib/core/viewer').Viewer;

const password = 'correct horse battery staple';
const phone = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const laptop = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
let serial = 0;

async function newAccount() {
  serial += 1;
  const handle = `ses${Date.now().toString(36)}${serial}`;
  const account = await signUp({ name: 'Session Test', handle, email: `${handle}@example.test`, password });
  return { ...account, password };
}

/** A browser signed in to `account`, as the sign-in callback makes one: a session row, then the viewer getViewer returns. */
async function signedIn(account: { id: string }, userAgent = phone): Promise<Viewer> {
  const sessionId = await beginSession(account.id, userAgent);
  const person = await findSessionPerson(sessionId);
  return { kind: 'person', id: person!.id, handle: person!.handle, isAdmin: person!.isAdmin, sessionId };
}

const isLive = async (viewer: Viewer) => (await findSessionPerson(viewer.sessionId!)) !== null;

/** The newest mail to `to`, after the queued mail jobs ran. */
async function latestMailTo(to: string) {
  await runDueJobs({ kinds: ['account.password-reset', 'mail.send'] });
  return db().outgoingMail.findFirst({ where: { to }, orderBy: { createdAt: 'desc' } });
}

/** The app's channel auth, as /api/realtime/auth runs it: the session must still be live, and the channel the viewer's own. */
const authRouteFor = (viewer: Viewer) => async (channel: string) =>
  (await isLive(viewer)) && mayListenOnUserChannel(viewer, { access: 'private', id: channel.replace('private-user-', '') });

afterEach(() => resetClock());
afterAll(async () => {
  await db().$disconnect();
});

describe('sign-in sessions', () => {
  it('lists each signed-in device by name, this one marked, and ends any of them at once', async () => {
    const account = await newAccount();
    const onPhone = await signedIn(account, phone);
    const onLaptop = await signedIn(account, laptop);
    const devices = await listDevices(onPhone);
    expect(devices.map((device) => [device.label, device.current])).toEqual(
      expect.arrayContaining([
        ['Chrome on Pixel 7', true],
        ['Safari on Mac OS', false],
      ]),
    );
    await endDevice(onPhone, onLaptop.sessionId!);
    expect(await isLive(onLaptop)).toBe(false);
    expect(await isLive(onPhone)).toBe(true);
    expect((await listDevices(onPhone)).map((device) => device.id)).toEqual([onPhone.sessionId]);
  });

  it('refuses to end someone else\'s session', async () => {
    const [mine, theirs] = [await signedIn(await newAccount()), await signedIn(await newAccount())];
    expect((await refusal(endDevice(mine, theirs.sessionId!))).code).toBe('NOT_FOUND');
    expect(await isLive(theirs)).toBe(true);
  });

  it('"sign out everywhere else" keeps only the asking device', async () => {
    const account = await newAccount();
    const [here, other, third] = [await signedIn(account), await signedIn(account, laptop), await signedIn(account)];
    expect(await endOtherDevices(here)).toEqual({ ended: 2 });
    expect([await isLive(here), await isLive(other), await isLive(third)]).toEqual([true, false, false]);
  });

  it('ends a session unseen for longer than a token lives', async () => {
    const viewer = await signedIn(await newAccount());
    moveClock(sessionIdleLimitMs + 60_000);
    expect(await isLive(viewer)).toBe(false);
  });

  it('names devices in words a person recognises', () => {
    expect(deviceLabel(phone)).toBe('Chrome on Pixel 7');
    expect(deviceLabel(laptop)).toBe('Safari on Mac OS');
    expect(deviceLabel('')).toBe('Unknown device');
  });
});

describe('what ends every other session', () => {
  it('a password reset signs out every browser, and their open sockets lose the user channel', async () => {
    const account = await newAccount();
    const [phoneSession, laptopSession] = [await signedIn(account, phone), await signedIn(account, laptop)];
    const channel = userChannel(account.id);
    const phoneSocket = listen({ mayJoin: authRouteFor(phoneSession) });
    const laptopSocket = listen({ mayJoin: authRouteFor(laptopSession) });
    try {
      await Promise.all([phoneSocket.subscribe(channel), laptopSocket.subscribe(channel)]);
      expect(await subscriptionCount(channel)).toBe(2);

      await requestPasswordReset(account.email, '203.0.113.9', { origin: publicOrigin(), locale: 'en' });
      const token = /\/reset\/([A-Za-z0-9_-]{43})/.exec((await latestMailTo(account.email))!.text)![1]!;
      await resetPassword({ token, password: 'a brand new passphrase' });

      expect([await isLive(phoneSession), await isLive(laptopSession)]).toEqual([false, false]);
      // Both sockets were closed; reconnecting, each asked the auth route again and was refused.
      await expect.poll(() => subscriptionCount(channel)).toBe(0);
      await publish(channel, 'test.after-reset', { n: 1 });
      await expect.poll(() => subscriptionCount(channel)).toBe(0);
      expect(phoneSocket.seen(channel, 'test.after-reset')).toEqual([]);
    } finally {
      phoneSocket.close();
      laptopSocket.close();
    }
  });

  it('changing the password signs out everywhere else; this browser stays in and keeps hearing its channel', async () => {
    const account = await newAccount();
    const [here, elsewhere] = [await signedIn(account, phone), await signedIn(account, laptop)];
    const channel = userChannel(account.id);
    const hereSocket = listen({ mayJoin: authRouteFor(here) });
    const elsewhereSocket = listen({ mayJoin: authRouteFor(elsewhere) });
    try {
      await Promise.all([hereSocket.subscribe(channel), elsewhereSocket.subscribe(channel)]);
      await changePassword(here, { currentPassword: password, newPassword: 'a brand new passphrase' });
      expect([await isLive(here), await isLive(elsewhere)]).toEqual([true, false]);
      // The revoke closed both sockets; only the live session's came back.
      await expect.poll(() => subscriptionCount(channel)).toBe(1);
      await publish(channel, 'test.after-change', { n: 2 });
      await expect(hereSocket.next(channel, 'test.after-change')).resolves.toEqual({ n: 2 });
      expect(elsewhereSocket.seen(channel, 'test.after-change')).toEqual([]);
    } finally {
      hereSocket.close();
      elsewhereSocket.close();
    }
  });

  it('moving to a new email address signs out every other browser (the one opening the link stays in)', async () => {
    const account = await newAccount();
    const [here, elsewhere] = [await signedIn(account), await signedIn(account, laptop)];
    const newEmail = `moved${Date.now().toString(36)}@example.test`;
    await requestEmailChange(here, { email: newEmail, currentPassword: password }, { origin: publicOrigin(), locale: 'en' });
    const token = /\/verify\/([A-Za-z0-9_-]{43})/.exec((await latestMailTo(newEmail))!.text)![1]!;
    await expect(verifyEmail(token, here)).resolves.toEqual({ state: 'verified', email: newEmail });
    expect([await isLive(here), await isLive(elsewhere)]).toEqual([true, false]);
  });

  it('verifying the address one signed up with ends nothing', async () => {
    const account = await newAccount();
    const [a, b] = [await signedIn(account), await signedIn(account, laptop)];
    const { sendSignUpVerification } = await import('./recovery');
    await sendSignUpVerification(account, { origin: publicOrigin(), locale: 'en' });
    const token = /\/verify\/([A-Za-z0-9_-]{43})/.exec((await latestMailTo(account.email))!.text)![1]!;
    await verifyEmail(token, null);
    expect([await isLive(a), await isLive(b)]).toEqual([true, true]);
  });
});

describe('links in mail', () => {
  it('point at Plaza\'s own address whatever Origin, Host and X-Forwarded-Host the request forged', async () => {
    const account = await newAccount();
    await requestPasswordReset(account.email, '203.0.113.10', { origin: publicOrigin(), locale: 'en' });
    const mail = await latestMailTo(account.email);
    expect(mail!.text).toContain(`${new URL(env().PLAZA_LISTEN_URL).origin}/reset/`);
    expect(mail!.text).not.toContain('evil.example');
  });
});

describe('password guessing', () => {
  const limit = () => env().RATE_LIMIT_SIGNIN_PER_ACCOUNT;

  it('verifies at most the limit of 100 parallel wrong passwords; the owner\'s known browser still signs in, a stranger\'s does not', async () => {
    const account = await newAccount();
    // The owner signed in on this browser before: the cookie the sign-in callback set.
    const ownerDevice = { deviceId: 'owner-device-0123456789', accountIds: [account.id] };
    const ownersCookie = rememberDevice(null, account.id);
    expect(ownersCookie).toMatch(/^[\w-]+\.[\w-]+$/);

    const attempts = await Promise.allSettled(
      Array.from({ length: 100 }, (_, index) => verifyPasswordSignIn({ email: account.email, password: `guess ${index}` }, { ip: `198.51.100.${index % 50}`, device: null })),
    );
    const codes = attempts.map((attempt) => (attempt.status === 'rejected' ? (attempt.reason as { code: string }).code : 'SIGNED_IN'));
    const verified = codes.filter((code) => code === 'INVALID').length;
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThanOrEqual(limit());
    expect(codes.filter((code) => code === 'RATE_LIMITED').length).toBe(100 - verified);

    // A stranger with the right password is refused too: the strangers' allowance is used up.
    expect((await refusal(verifyPasswordSignIn({ email: account.email, password }, { ip: '198.51.100.200', device: null }))).code).toBe('RATE_LIMITED');
    // The owner's browser has its own.
    await expect(verifyPasswordSignIn({ email: account.email, password }, { ip: '198.51.100.201', device: ownerDevice })).resolves.toMatchObject({ id: account.id });
  });

  it('gives a known browser no allowance for another account', async () => {
    const [owner, victim] = [await newAccount(), await newAccount()];
    const ownDevice = { deviceId: 'someone-elses-device-01', accountIds: [owner.id] };
    for (let attempt = 0; attempt < limit(); attempt += 1) {
      await refusal(verifyPasswordSignIn({ email: victim.email, password: `guess ${attempt}` }, { ip: '198.51.100.210', device: null }));
    }
    expect((await refusal(verifyPasswordSignIn({ email: victim.email, password: victim.password }, { ip: '198.51.100.211', device: ownDevice }))).code).toBe('RATE_LIMITED');
  });

  it('does not spend the allowance on right passwords', async () => {
    const account = await newAccount();
    for (let attempt = 0; attempt < limit() + 2; attempt += 1) {
      await expect(verifyPasswordSignIn({ email: account.email, password }, { ip: '198.51.100.220', device: null })).resolves.toMatchObject({ id: account.id });
    }
  });
});

describe('the admin role', () => {
  it('comes with no handle: signing up as "admin"-like names grants nothing', async () => {
    serial += 1;
    const handle = `ana${Date.now().toString(36)}${serial}`;
    const account = await signUp({ name: 'Ana', handle, email: `${handle}@example.test`, password });
    expect((await signedIn(account)).isAdmin).toBe(false);
  });

  it('is granted and revoked only by the operator, and takes effect on the next request', async () => {
    const account = await newAccount();
    const viewer = await signedIn(account);
    const admin = await signedIn(await newAccount());
    expect((await refusal(setAdminRole({ ...admin, isAdmin: true }, account.handle, true))).code).toBe('FORBIDDEN');
    await setAdminRole(systemViewer, account.handle, true);
    expect((await findSessionPerson(viewer.sessionId!))!.isAdmin).toBe(true);
    await setAdminRole(systemViewer, `@${account.handle.toUpperCase()}`, false);
    expect((await findSessionPerson(viewer.sessionId!))!.isAdmin).toBe(false);
    expect((await refusal(setAdminRole(systemViewer, 'nobody-has-this-handle', true))).code).toBe('NOT_FOUND');
  });
});
