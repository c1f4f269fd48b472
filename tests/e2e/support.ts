import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';
import { testAdminAccount } from '../support/test-admin-account';

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

/** The one admin of the test database: the test runner creates it and grants it the role. */
export const testAdmin: Person = testAdminAccount;

/** Signs in with the form and waits for the chats: for accounts that already exist. */
export async function signIn(page: Page, person: Person) {
  await fillSignIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/chats$/);
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
 * Tests that only need "some signed-in person" share one account per worker, made from the
 * database with a session minted by the sign-in code itself (no form to fill), its cookie reused
 * by every test in that worker.
 */
export const signedInTest = base.extend<object, { workerAccount: { person: Person; storageState: string } }>({
  workerAccount: [
    async ({}, use, workerInfo) => {
      const person = newPerson(`w${workerInfo.workerIndex}`);
      const cookie = JSON.parse(await supportScriptOutput('signed-in-person.ts', [person.name, person.handle, person.email, person.password])) as { name: string; value: string };
      const { hostname } = new URL(workerInfo.project.use.baseURL!);
      const storageState = `.test-data/storage-state-${workerInfo.workerIndex}-${Date.now()}.json`;
      writeFileSync(storageState, JSON.stringify({ cookies: [{ ...cookie, domain: hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] }));
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
  await supportScriptOutput(script, args);
}

/** The same, returning what the script printed. */
export async function supportScriptOutput(script: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=react-server', '--import', 'tsx', `tests/support/${script}`, ...args], { env: process.env });
  return stdout;
}
