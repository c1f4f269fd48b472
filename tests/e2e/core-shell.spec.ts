import { expect, test } from '@playwright/test';
import { signUp, signIn, signedInTest, testAdmin } from './support';

test('the welcome page greets signed-out people and / opens Chats once signed in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Create an account' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await signUp(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/chats$/);
});

test('phones get a bottom tab bar whose tabs reach every main route', async ({ page }) => {
  await signUp(page);
  const tabBar = page.getByRole('navigation', { name: 'Main' });
  for (const [tab, path, heading] of [
    ['Feed', '/feed', 'Feed'],
    ['Discover', '/discover', 'Discover'],
    ['Market', '/market', 'Market'],
    ['Me', '/me', 'Me'],
    ['Chats', '/chats', 'Chats'],
  ] as const) {
    await tabBar.getByRole('link', { name: tab }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(tabBar.getByRole('link', { name: tab })).toHaveAttribute('aria-current', 'page');
  }
  const box = await tabBar.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.y + box!.height).toBeGreaterThanOrEqual(viewport.height - 2);
});

test('wide screens get a side bar instead of the tab bar', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toHaveCount(1);
  const box = await nav.boundingBox();
  expect(box!.x).toBe(0);
  expect(box!.height).toBeGreaterThan(700);
  await expect(nav.getByRole('link', { name: 'Wallet' })).toBeVisible();
});

test('Discover lists every service: the wallet opens, the rest say honestly that they are coming soon', async ({ page }) => {
  await signUp(page);
  await page.goto('/discover');
  await page.getByRole('main').getByRole('link', { name: /^Wallet/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wallet' })).toBeVisible();
  await expect(page.getByTestId('balance-USD')).toBeVisible();
  await expect(page.getByText('Coming soon')).toHaveCount(0);
  for (const [service, path] of [
    ['Watch', '/watch'],
    ['Bookings', '/book'],
    ['Pages', '/pages'],
    ['Events', '/events'],
  ] as const) {
    await page.goto('/discover');
    await page.getByRole('main').getByRole('link', { name: new RegExp(`^${service}`) }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1, name: service })).toBeVisible();
    await expect(page.getByText('Coming soon')).toBeVisible();
  }
});

test('the language follows the browser and can be switched in Me', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('link', { name: '创建账号' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('link', { name: '创建账号' }).click();
  await expect(page.getByRole('heading', { name: '加入 Plaza' })).toBeVisible();
  await context.close();
});

test('switching to Chinese in Me changes the whole app and stays switched', async ({ page }) => {
  await signUp(page);
  await page.goto('/me');
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我' })).toBeVisible();
  await expect(page.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/discover');
  await expect(page.getByRole('heading', { level: 1, name: '发现' })).toBeVisible();
  await page.goto('/me');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Me' })).toBeVisible();
});

test('dark mode follows the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).toBe('rgb(255, 255, 255)');
  expect(dark).not.toBe(light);
});

test('admins see /admin; everyone else gets not found', async ({ page }) => {
  await signUp(page);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Admin' })).toHaveCount(0);
});

signedInTest('what the viewer may not see answers 404 with the not-found page, not a 200', async ({ page }) => {
  // Ids of the right shape, so each page asks its service rather than stopping at the format check.
  const randomId = () => `c${Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('')}`;
  for (const path of ['/u/no-such-person', `/feed/p/${randomId()}`, `/chats/${randomId()}`, `/wallet/red-packet/${randomId()}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  }
});

test('security headers are set on every page, with a per-request script nonce', async ({ request }) => {
  const first = await request.get('/login');
  const second = await request.get('/login');
  const csp = first.headers()['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/connect-src 'self' wss?:\/\/[^ ;]+:\d+/);
  const nonce = (value: string) => /'nonce-([^']+)'/.exec(value)?.[1];
  expect(nonce(csp!)).toBeTruthy();
  expect(nonce(second.headers()['content-security-policy']!)).not.toBe(nonce(csp!));
  expect(first.headers()['x-content-type-options']).toBe('nosniff');
  expect(first.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(first.headers()['strict-transport-security']).toBeUndefined();
});

test('an account granted the admin role sees /admin', async ({ page }) => {
  await signIn(page, testAdmin);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
});
