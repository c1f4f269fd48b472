import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signUp } from './support';

const publicPages = ['/', '/login', '/signup', '/offline', '/no-such-page'];
const signedInPages = ['/chats', '/feed', '/discover', '/market', '/me', '/wallet', '/watch', '/book', '/pages', '/events', '/notifications'];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${page.url()} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical accessibility violations on any page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    for (const path of publicPages) {
      await page.goto(path);
      found.push(...(await seriousViolations(page)));
    }
    // The forms with their error messages showing.
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    found.push(...(await seriousViolations(page)));

    await signUp(page);
    for (const path of signedInPages) {
      await page.goto(path);
      found.push(...(await seriousViolations(page)));
    }
    expect(found).toEqual([]);
  });
}
