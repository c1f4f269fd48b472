import { expect, test } from '@playwright/test';
import { fillSignIn, fillSignUp, newPerson, signOut, signUp } from './support';

test('sign up, sign out, sign in and edit the bio', async ({ page }) => {
  const person = await signUp(page);
  await expect(page.getByRole('heading', { name: 'Chats' })).toBeVisible();

  await signOut(page);
  await expect(page.getByRole('link', { name: 'Create an account' })).toBeVisible();
  await page.goto('/me');
  await expect(page).toHaveURL(/\/login\?next=%2Fme$/);

  await fillSignIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/chats$/);

  await page.goto('/me');
  await expect(page.getByTestId('me-name')).toHaveText(person.name);
  await expect(page.getByText(`@${person.handle}`)).toBeVisible();
  await page.getByLabel('Bio').fill('Weekend hiker and coffee person.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('me-bio')).toHaveText('Weekend hiker and coffee person.');
});

test('a wrong password is refused beside the password field', async ({ page }) => {
  const person = await signUp(page);
  await signOut(page);
  await fillSignIn(page, person.email, 'not the right password');
  const password = page.getByLabel('Password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Wrong email or password.')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test('a duplicate handle, a duplicate email and a weak password are each refused beside their field, and create nothing', async ({ page }) => {
  const taken = await signUp(page);
  await signOut(page);

  // Taken handle, fresh email: refused, and no account exists for that email afterwards.
  const sameHandle = { ...newPerson('h'), handle: taken.handle.toUpperCase() };
  await fillSignUp(page, sameHandle);
  await expect(page.getByLabel('Handle')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('That handle is already taken.')).toBeVisible();
  await expect(page.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');

  // Taken email, fresh handle and a different password: the original password still works.
  const sameEmail = { ...newPerson('e'), email: taken.email, password: 'another long passphrase' };
  await fillSignUp(page, sameEmail);
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('An account with this email already exists.')).toBeVisible();

  // A common password.
  const weak = { ...newPerson('w'), password: 'password123' };
  await fillSignUp(page, weak);
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('This password is too common.', { exact: false })).toBeVisible();

  // A short one.
  const short = { ...newPerson('s'), password: 'x7#k' };
  await fillSignUp(page, short);
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();

  // Nothing was written: none of the refused sign-ups can sign in, the original still can.
  for (const refused of [sameHandle, weak, short]) {
    await fillSignIn(page, refused.email, refused.password);
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
  }
  await fillSignIn(page, taken.email, sameEmail.password);
  await expect(page.getByText('Wrong email or password.')).toBeVisible();
  await fillSignIn(page, taken.email, taken.password);
  await expect(page).toHaveURL(/\/chats$/);
});

test('after N wrong passwords the next attempt is refused even with the right password', async ({ page }) => {
  const limit = Number(process.env.RATE_LIMIT_SIGNIN_PER_ACCOUNT ?? 5);
  const person = await signUp(page);
  await signOut(page);
  for (let attempt = 1; attempt <= limit; attempt += 1) {
    await fillSignIn(page, person.email, `wrong password ${attempt}`);
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
  }
  await fillSignIn(page, person.email, person.password);
  await expect(page.getByRole('alert').filter({ hasText: 'Too many attempts' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/me');
  await expect(page).toHaveURL(/\/login\?next=%2Fme$/);
});

test('session cookie is HttpOnly and SameSite=Lax, and not Secure over plain http', async ({ page, context }) => {
  await signUp(page);
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith('authjs.session-token'));
  expect(session, 'a session cookie').toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  expect(session!.secure).toBe(false);
});
