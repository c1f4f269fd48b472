import { expect, test } from '@playwright/test';

test('the web app manifest is served with icons, shortcuts and standalone display', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'Plaza', short_name: 'Plaza', start_url: '/', display: 'standalone' });
  const sizes = manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes}/${icon.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192/any', '512x512/any', '192x192/maskable', '512x512/maskable']));
  expect(manifest.shortcuts.map((shortcut: { url: string }) => shortcut.url)).toEqual(['/chats', '/feed']);
  for (const icon of manifest.icons as { src: string }[]) {
    const image = await request.get(icon.src);
    expect(image.headers()['content-type']).toBe('image/png');
  }
});

test('the service worker activates and a failed navigation shows the offline page', async ({ page, context }) => {
  await page.goto('/login');
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
    return worker.state;
  });
  expect(state).toBe('activated');

  await context.setOffline(true);
  await page.goto('/signup').catch(() => undefined);
  await expect(page.getByRole('heading', { name: "You're offline" })).toBeVisible();
  await context.setOffline(false);
  await page.getByRole('link', { name: 'Try again' }).click();
  await expect(page.getByRole('link', { name: 'Create an account' })).toBeVisible();
});
