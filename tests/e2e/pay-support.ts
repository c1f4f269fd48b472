import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { newPerson, signUp } from './support';

const run = promisify(execFile);

/** Credits a person's wallet through the pay service, as the demo data and welcome credit do. */
export async function fund(handle: string, minor: number, currency: 'USD' | 'EUR' = 'USD') {
  await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/pay-grant.ts', handle, String(minor), currency], { env: process.env });
}

export async function personInOwnBrowser(browser: Browser, label: string) {
  const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  const person = await signUp(page, newPerson(label));
  return { page, person, context };
}

/** Live updates flow once the person's own channel is joined; wait for that, not for time. */
export async function live(page: Page) {
  await expect(page.locator('html[data-realtime="live"]')).toBeAttached();
}
