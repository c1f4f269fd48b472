import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signedInTest } from './support';

/** Every page the foundation adds, in light and dark: no serious or critical axe violation. */
const publicPages = ['/', '/login', '/signup', '/offline', '/no-such-page', '/forgot', '/reset/not-a-real-link', '/verify/not-a-real-link'];
const signedInPages = [
  '/chats', '/feed', '/discover', '/market', '/me', '/wallet', '/watch', '/book', '/pages', '/events', '/notifications',
  '/me/contacts', '/me/contacts?tab=requests', '/me/contacts?tab=find&q=ana', '/me/contacts?tab=blocked', '/me/privacy', '/me/scan', '/u/{me}', '/u/{me}/friends',
  '/me/settings', '/wallet/send', '/wallet/send?to={me}', '/wallet/red-packet/new', '/wallet/receive', '/feed/tag/hiking', '/chats/new', '/chats/archived',
];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const path of publicPages) {
      test(`${path} has no serious accessibility violations`, async ({ page }) => {
        await page.goto(path);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test('the sign-in form with its errors showing has no serious accessibility violations', async ({ page }) => {
      await page.goto('/login');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousViolations(page)).toEqual([]);
    });

    for (const path of signedInPages) {
      signedInTest(`${path} has no serious accessibility violations`, async ({ page, workerAccount }) => {
        await page.goto(path.replace('{me}', workerAccount.person.handle));
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}
