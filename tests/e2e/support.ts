import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';

let counter = 0;

/** A person no other test uses: unique handle and email per call. */
export function newPerson(label = 'p') {
  counter += 1;
  const id = `${label}${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1e4)}`.toLowerCase().slice(0, 28);
  return { name: `Test ${label.toUpperCase()}`, handle: id, email: `${id}@example.test`, password: 'correct horse battery staple' };
}

export type Person = ReturnType<typeof newPerson>;

export async function fillSignUp(page: Page, person: Person) {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Handle').fill(person.handle);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

export async function signUp(page: Page, person: Person = newPerson()) {
  await fillSignUp(page, person);
  await expect(page).toHaveURL(/\/chats$/);
  return person;
}

/** The one admin of the test database (PLAZA_ADMINS=testadmin): it exists once per run. */
export const testAdmin: Person = { name: 'Test Admin', handle: 'testadmin', email: 'testadmin@example.test', password: 'correct horse battery staple' };

/** Signs up, or signs in when an earlier test (or a parallel one) already created the account. */
export async function signUpOrSignIn(page: Page, person: Person) {
  await fillSignUp(page, person);
  const taken = page.getByText('That handle is already taken.');
  await expect(page.getByRole('heading', { level: 1, name: 'Chats' }).or(taken)).toBeVisible();
  if (await taken.isVisible()) {
    await fillSignIn(page, person.email, person.password);
    await expect(page).toHaveURL(/\/chats$/);
  }
  return person;
}

export async function fillSignIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page) {
  await page.goto('/me');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/**
 * Tests that only need "some signed-in person" share one account per worker: signed up once,
 * its cookies reused by every test in that worker.
 */
export const signedInTest = base.extend<object, { workerAccount: { person: Person; storageState: string } }>({
  workerAccount: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      const page = await context.newPage();
      const person = await signUp(page, newPerson(`w${workerInfo.workerIndex}`));
      const storageState = `.test-data/storage-state-${workerInfo.workerIndex}-${Date.now()}.json`;
      await context.storageState({ path: storageState });
      await context.close();
      await use({ person, storageState });
    },
    { scope: 'worker' },
  ],
  storageState: async ({ workerAccount }, use) => {
    await use(workerAccount.storageState);
  },
});

/**
 * Runs a script from tests/support against the test database, in its own process: the app's
 * server-only modules load under the react-server condition, which Playwright's loader lacks.
 */
export async function runSupportScript(script: string, args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, ['--conditions=react-server', '--import', 'tsx', `tests/support/${script}`, ...args], { env: process.env });
}
