import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { signUp } from './support';

/** A real photo made at test time, so no binary fixture is committed. */
async function photo() {
  return sharp({ create: { width: 900, height: 700, channels: 3, background: '#4477aa' } })
    .composite([{ input: { create: { width: 300, height: 300, channels: 3, background: '#ffcc00' } }, left: 300, top: 200 }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

test('a person uploads an avatar on /me, sees the upload complete and their photo appear', async ({ page }) => {
  await signUp(page);
  await page.goto('/me');
  const avatar = page.getByRole('img', { name: 'Your profile photo' });
  // Before: the generated initial, no uploaded image.
  await expect(avatar).toHaveText('T');
  await expect(page.locator('img[src^="/api/media/"]')).toHaveCount(0);

  await page.getByLabel('Profile photo', { exact: true }).setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByRole('status').filter({ hasText: 'Uploaded' })).toBeVisible();

  await expect(avatar).toHaveAttribute('src', /^\/api\/media\/[a-z0-9]+\/(sm|md|lg)$/);
  await expect.poll(() => avatar.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
  const response = await page.request.get((await avatar.getAttribute('src'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/webp');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');

  // It stays after a reload, and can be removed again.
  await page.reload();
  await expect(avatar).toHaveAttribute('src', /^\/api\/media\//);
  await page.getByRole('button', { name: 'Remove profile photo' }).click();
  await expect(avatar).toHaveText('T');
});

test('an SVG is refused beside the control with a clear message, and nothing changes', async ({ page }) => {
  await signUp(page);
  await page.goto('/me');
  const input = page.getByLabel('Profile photo', { exact: true });
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><circle cx="50" cy="50" r="40" fill="red"/></svg>';
  await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(svg) });

  const message = "SVG drawings can't be used here. Save it as a PNG or JPEG and try again.";
  await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await input.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(message);
  await expect(page.locator('img[src^="/api/media/"]')).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Your profile photo' })).toHaveText('T');
});
