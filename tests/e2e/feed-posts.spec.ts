import { devices, expect, test } from '@playwright/test';
import sharp from 'sharp';
import { newPerson, signUp, signIn, testAdmin } from './support';
import { personInOwnBrowser, postCard } from './feed-support';

async function photo(colour: string) {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } }).jpeg().toBuffer();
}

test('feed: a post with photos opens full screen; its author edits it and deletes it', async ({ page }) => {
  await signUp(page, newPerson('ph'));
  await page.goto('/feed');
  const composer = page.getByRole('form', { name: 'New post' });
  await composer.getByLabel('Add photos (up to 9)').setInputFiles([
    { name: 'red.jpg', mimeType: 'image/jpeg', buffer: await photo('#c0392b') },
    { name: 'blue.jpg', mimeType: 'image/jpeg', buffer: await photo('#2980b9') },
  ]);
  await expect(composer.getByRole('list', { name: 'Chosen photos' }).getByRole('listitem')).toHaveCount(2);
  const text = `Two colours ${Date.now()}`;
  await composer.getByLabel('Text').fill(text);
  await composer.getByRole('button', { name: 'Post', exact: true }).click();

  const card = postCard(page, text);
  await expect(card.getByRole('list', { name: '2 photos' }).getByRole('img')).toHaveCount(2);
  // The composer is empty again, ready for the next post.
  await expect(composer.getByRole('list', { name: 'Chosen photos' })).toHaveCount(0);

  await card.getByRole('button', { name: /Photo 1 of 2/ }).click();
  const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
  await expect(viewer.getByText('1 / 2')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(viewer.getByText('2 / 2')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  await card.getByRole('button', { name: 'Post options' }).click();
  await card.getByRole('button', { name: 'Edit' }).click();
  await card.getByLabel('Text').fill(`${text} (edited) #colours`);
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('link', { name: '#colours' })).toBeVisible();
  await expect(card.getByText('Edited', { exact: true })).toBeVisible();

  page.on('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: 'Post options' }).click();
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('This post is no longer available.')).toBeVisible();
  await page.goto('/feed/tag/colours');
  await expect(page.getByText(text)).toHaveCount(0);
});

test('feed: a reported post waits in the admin queue, and hiding it takes it off the feed', async ({ browser }) => {
  const author = await personInOwnBrowser(browser, 'rp');
  const reader = await personInOwnBrowser(browser, 'rd');
  const text = `Buy followers cheap ${Date.now()}`;
  await author.page.goto('/feed');
  const composer = author.page.getByRole('form', { name: 'New post' });
  await composer.getByLabel('Text').fill(text);
  await composer.getByLabel('Who can see this').selectOption({ label: 'Public' });
  await composer.getByRole('button', { name: 'Post', exact: true }).click();
  const url = await postCard(author.page, text).locator('a[href^="/feed/p/"]').first().getAttribute('href');

  await reader.page.goto(url!);
  const card = postCard(reader.page, text);
  await card.getByRole('button', { name: 'Post options' }).click();
  await card.getByRole('button', { name: 'Report' }).click();
  await card.getByLabel("What's wrong with it?").selectOption({ label: 'Spam' });
  await card.getByRole('button', { name: 'Send report' }).click();
  await expect(card.getByText('Thanks. Our moderators will look at it.')).toBeVisible();

  const admin = await browser.newContext({ ...devices['Pixel 7'], baseURL: test.info().project.use.baseURL });
  const adminPage = await admin.newPage();
  await signIn(adminPage, testAdmin);
  await adminPage.goto('/admin/moderation');
  const item = adminPage.getByRole('list', { name: 'Moderation' }).getByRole('listitem').filter({ hasText: text });
  await expect(item).toContainText('1 report');
  await item.getByRole('button', { name: 'Hide' }).click();
  await expect(adminPage.getByRole('list', { name: 'Moderation' }).getByText(text)).toHaveCount(0);

  await reader.page.goto(url!);
  await expect(reader.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await author.page.goto(url!);
  await expect(author.page.getByText('Hidden after a report. Only you can see it; you can delete it.')).toBeVisible();
  await author.context.close();
  await reader.context.close();
  await admin.close();
});
