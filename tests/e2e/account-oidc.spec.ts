import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fillSignIn, newPerson, signOut, signUp } from './support';

/**
 * Sign-in through a real OpenID Provider that `npm test` starts locally (tests/support/
 * oidc-provider.ts, shown as "Test ID"): its login form takes any username, whose email is
 * <username>@oidc.test.
 */
const continueWithTestId = (page: Page) => page.getByRole('button', { name: 'Continue with Test ID' });

/** From Plaza's sign-in page through the provider's own login and consent pages. */
async function signInAtProvider(page: Page, username: string) {
  await page.goto('/login');
  await continueWithTestId(page).click();
  await expect(page.getByRole('heading', { name: 'Test ID sign-in' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Test ID consent' })).toBeVisible();
  await page.getByRole('button', { name: 'Allow' }).click();
}

/** Forgets the provider's own session, so the next sign-in there asks for the username again. */
async function signOutAtProvider(page: Page) {
  await page.context().clearCookies({ name: /^_session/ });
}

const username = (label: string) => newPerson(label).handle;

test('first sign-in through the provider asks for a handle once; later ones go straight in', async ({ page }) => {
  const user = username('oidc');
  await signInAtProvider(page, user);

  await expect(page).toHaveURL(/\/signup\/handle/);
  await expect(page.getByRole('heading', { name: 'Choose your handle' })).toBeVisible();
  await expect(page.getByText('You signed in with Test ID.')).toBeVisible();
  // Prefilled from the provider: its display name and a handle from its username.
  await expect(page.getByLabel('Your name')).toHaveValue(`OIDC ${user}`);
  await expect(page.getByLabel('Handle')).toHaveValue(user);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);

  // Not signed in while the handle is still missing.
  await page.goto('/me');
  await expect(page).toHaveURL(/\/signup\/handle$/);

  const handle = `${user.slice(0, 24)}_h`;
  await page.getByLabel('Handle').fill(`  @${handle.toUpperCase()} `);
  await page.getByLabel('Your name').fill('Mei From Test ID');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/chats$/);
  await expect(page.getByRole('heading', { name: 'Chats' })).toBeVisible();

  await page.goto('/me');
  await expect(page.getByTestId('me-name')).toHaveText('Mei From Test ID');
  await expect(page.getByText(`@${handle}`)).toBeVisible();
  await expect(page.getByText(`Signed in as ${user}@oidc.test`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Set a password' })).toBeVisible();

  await signOut(page);
  await signOutAtProvider(page);
  await signInAtProvider(page, user);
  // Recognised: no handle question this time.
  await expect(page).toHaveURL(/\/chats$/);
  await page.goto('/me');
  await expect(page.getByText(`@${handle}`)).toBeVisible();
  await expect(page.getByTestId('me-name')).toHaveText('Mei From Test ID');
});

test('an account made through the provider can set a password later, and then sign in with it', async ({ page }) => {
  const user = username('pwlater');
  await signInAtProvider(page, user);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/chats$/);

  await page.goto('/me');
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await page.getByLabel('New password').fill('a fresh long passphrase');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password set.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Set a password' })).toBeHidden();

  await signOut(page);
  await fillSignIn(page, `${user}@oidc.test`, 'a fresh long passphrase');
  await expect(page).toHaveURL(/\/chats$/);
});

test('an identity whose email already has a password account is told so and linked to nothing', async ({ page }) => {
  const user = username('taken');
  const owner = await signUp(page, { ...newPerson('owner'), email: `${user}@oidc.test` });
  await signOut(page);

  await signInAtProvider(page, user);
  await expect(page).toHaveURL(/\/signup\/handle/);
  await expect(page.getByRole('heading', { name: 'This email already has an account' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: `An account with ${user}@oidc.test already exists on Plaza` })).toBeVisible();
  await expect(page.getByLabel('Handle')).toHaveCount(0);
  // Not signed in to the existing account either.
  await page.goto('/chats');
  await expect(page).toHaveURL(/\/signup\/handle$/);

  await page.getByRole('button', { name: 'Use another way to sign in' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/chats');
  await expect(page).toHaveURL(/\/login\?next=%2Fchats$/);

  // The owner still signs in with their password, to their own account.
  await fillSignIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/chats$/);
  await page.goto('/me');
  await expect(page.getByText(`@${owner.handle}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Set a password' })).toBeHidden();
});

test('sign-in pages offer the configured provider', async ({ page }) => {
  for (const path of ['/login', '/signup']) {
    await page.goto(path);
    await expect(continueWithTestId(page)).toBeVisible();
  }
});
