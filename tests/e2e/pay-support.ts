import { expect, type Page } from '@playwright/test';
import { runSupportScript } from './support';

/** Credits a person's wallet through the pay service, as the demo data and welcome credit do. */
export async function fund(handle: string, minor: number, currency: 'USD' | 'EUR' = 'USD') {
  await runSupportScript('pay-grant.ts', [handle, String(minor), currency]);
}

export { personInOwnBrowser } from './feed-support';

/** Live updates flow once the person's own channel is joined; wait for that, not for time. */
export async function live(page: Page) {
  await expect(page.locator('html[data-realtime="live"]')).toBeAttached();
}
