import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page, type WebSocket } from '@playwright/test';
import { fillSignIn, signIn, signOut, signUp, testAdmin, type Person } from './support';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
}

/** The worker delivers mail in the background: reload the admin's list until it is there. */
async function openMail(admin: Page, to: string, subject: string) {
  const entry = admin.getByRole('link').filter({ hasText: subject }).filter({ hasText: `To: ${to}` });
  await expect(async () => {
    await admin.goto('/admin/mail');
    await expect(entry.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await entry.first().click();
  await expect(admin.getByRole('heading', { level: 2, name: subject })).toBeVisible();
}

/** A browser signed in to `person` with Plaza open and its user channel subscribed; `openSockets` are its live connections. */
async function openAppElsewhere(browser: Browser, person: Person) {
  const context = await browser.newContext();
  const other = await context.newPage();
  const sockets: WebSocket[] = [];
  let subscribed = false;
  other.on('websocket', (socket) => {
    sockets.push(socket);
    socket.on('framereceived', (frame) => {
      if (String(frame.payload).includes('subscription_succeeded') && String(frame.payload).includes('private-user-')) subscribed = true;
    });
  });
  await signIn(other, person);
  await expect.poll(() => subscribed).toBe(true);
  return { context, page: other, openSockets: () => sockets.filter((socket) => !socket.isClosed()) };
}

test('a forgotten password is reset through the mailed link, which works only once and signs out every other browser', async ({ page, browser }) => {
  // Two people, a mail delivered in the background and five sign-ins: a long story.
  test.slow();
  const person = await signUp(page);
  const elsewhere = await openAppElsewhere(browser, person);
  // Stored mail is for admins only: everyone else is told there is no such page.
  await page.goto('/admin/mail');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await signOut(page);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot$/);
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toHaveText(/If an account uses that address, a reset link is on its way/);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, testAdmin);
  await admin.goto('/admin');
  await admin.getByRole('link', { name: /Outgoing mail/ }).click();
  await expect(admin).toHaveURL(/\/admin\/mail$/);
  expect(await seriousViolations(admin)).toEqual([]);
  await openMail(admin, person.email, 'Reset your Plaza password');
  expect(await seriousViolations(admin)).toEqual([]);
  const link = admin.getByRole('link', { name: /\/reset\// });
  const resetUrl = await link.getAttribute('href');
  expect(resetUrl).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
  await adminContext.close();

  await page.goto(resetUrl!);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('password123');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('This password is too common.', { exact: false })).toBeVisible();
  // The other browser's socket is dropped at the reset, and asking for its channel again is refused.
  const socketsBefore = elsewhere.openSockets();
  expect(socketsBefore.length).toBeGreaterThan(0);
  const refusedAgain = elsewhere.page.waitForResponse((response) => response.url().endsWith('/api/realtime/auth') && response.status() === 403, { timeout: 30_000 });
  await page.getByLabel('New password').fill('a fresh and long passphrase');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(/\/chats$/);
  await expect.poll(() => socketsBefore.every((socket) => socket.isClosed())).toBe(true);
  await refusedAgain;
  // Its next page load is signed out.
  await elsewhere.page.goto('/wallet');
  await expect(elsewhere.page).toHaveURL(/\/login\?next=%2Fwallet$/);
  await elsewhere.context.close();
  await signOut(page);

  await fillSignIn(page, person.email, person.password);
  await expect(page.getByText('Wrong email or password.')).toBeVisible();
  // A destination that would leave Plaza (a tab the browser drops, then "//evil.example") lands at home.
  await page.goto('/login?next=/%09/evil.example');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill('a fresh and long passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/chats');
  await signOut(page);

  await page.goto(resetUrl!);
  await expect(page.getByRole('heading', { name: 'This link was already used' })).toBeVisible();
  await expect(page.getByText('Ask for a new one if you still need it.', { exact: false })).toBeVisible();
  await expect(page.getByLabel('New password')).toHaveCount(0);
});

test('asking for a reset of an address nobody uses gets the same answer', async ({ page }) => {
  await page.goto('/forgot');
  await page.getByLabel('Email').fill(`nobody${Date.now()}@example.test`);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toHaveText(/If an account uses that address, a reset link is on its way/);
});

test('changing the password in settings needs the current one, refused beside the field', async ({ page }) => {
  const person = await signUp(page);
  await page.goto('/me');
  await expect(page.getByText("Your email address isn't confirmed yet.", { exact: false })).toBeVisible();
  await page.getByRole('link', { name: 'Account settings' }).click();
  await expect(page).toHaveURL(/\/me\/settings$/);

  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not my password at all');
  await form.getByLabel('New password').fill('a fresh and long passphrase');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText("That isn't your current password.")).toBeVisible();

  await form.getByLabel('Current password').fill(person.password);
  await form.getByLabel('New password').fill('a fresh and long passphrase');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toHaveText('Password changed.');
  await signOut(page);
  await fillSignIn(page, person.email, 'a fresh and long passphrase');
  await expect(page).toHaveURL(/\/chats$/);
});
