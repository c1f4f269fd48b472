import { expect, test } from '@playwright/test';
import { befriend, personInOwnBrowser } from './feed-support';
import { chatIsLive, delivered, startChat, write } from './chat-support';

test('A writes, B sees it without reloading, reads it, and A sees the receipt; typing shows; the badge counts', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'chata');
  const b = await personInOwnBrowser(browser, 'chatb');
  await befriend(a, b);
  const path = await startChat(a, b);
  await chatIsLive(a.page);

  // B waits on the chats list; the app icon badge is recorded (headless Chromium has no icon).
  await b.page.addInitScript(() => {
    const calls: number[] = [];
    (window as unknown as { badgeCalls: number[] }).badgeCalls = calls;
    Object.defineProperty(navigator, 'setAppBadge', { value: async (count: number) => void calls.push(count), configurable: true });
    Object.defineProperty(navigator, 'clearAppBadge', { value: async () => void calls.push(0), configurable: true });
  });
  await b.page.goto('/chats');
  await chatIsLive(b.page);

  await write(a.page, 'Hello B, dinner at 7? https://example.com/menu');
  await expect(delivered(a.page, 'Hello B, dinner at 7?')).toBeVisible();
  await expect(delivered(a.page, 'Hello B').locator('[data-receipt]')).toHaveAttribute('data-receipt', /sent|delivered/);

  // B's list moves and counts it, the tab bar says so, and so does the app icon.
  const row = b.page.locator(`a[href="${path}"]`);
  await expect(row).toContainText('Hello B, dinner at 7?');
  await expect(row.locator('[data-unread]')).toHaveText('1');
  // A has the app open: B's list shows the green dot beside A's chat.
  await expect(row.getByRole('img', { name: 'Online' })).toBeVisible();
  await expect(b.page.getByRole('navigation', { name: 'Main' }).getByLabel('1 unread message')).toBeVisible();
  await expect.poll(() => b.page.evaluate(() => (window as unknown as { badgeCalls: number[] }).badgeCalls.at(-1))).toBe(1);

  // B opens it: the link is clickable, A sees "read", and the badge clears.
  await row.click();
  await expect(b.page).toHaveURL(path);
  await expect(delivered(b.page, 'Hello B').getByRole('link', { name: 'https://example.com/menu' })).toBeVisible();
  await expect(delivered(a.page, 'Hello B').locator('[data-receipt]')).toHaveAttribute('data-receipt', 'read');
  await expect.poll(() => b.page.evaluate(() => (window as unknown as { badgeCalls: number[] }).badgeCalls.at(-1))).toBe(0);

  // B types: A's header says so, and B's reply ends it.
  await chatIsLive(b.page);
  await b.page.getByRole('textbox', { name: 'Message' }).pressSequentially('Sounds good', { delay: 20 });
  await expect(a.page.locator('[data-typing]')).toHaveText('typing…');
  await b.page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(delivered(a.page, 'Sounds good')).toBeVisible();
  await expect(a.page.locator('[data-typing]')).toHaveCount(0);

  // A reply quotes the original; a reaction and a recall reach the other side.
  // The reply quotes the original, so the original is the first message with its words.
  const original = delivered(b.page, 'Hello B').first();
  await original.getByRole('button', { name: 'Message actions' }).click();
  await b.page.getByRole('button', { name: 'Reply', exact: true }).click();
  await write(b.page, 'See you there');
  await expect(delivered(a.page, 'See you there')).toContainText('Hello B, dinner at 7?');
  await original.getByRole('button', { name: 'Message actions' }).click();
  await b.page.getByRole('button', { name: 'React with 👍' }).click();
  await expect(delivered(a.page, 'Hello B').first().getByRole('button', { name: '👍 1' })).toBeVisible();
  const mine = delivered(a.page, 'Sounds good').first();
  await delivered(b.page, 'See you there').getByRole('button', { name: 'Message actions' }).click();
  await b.page.getByRole('button', { name: 'Recall' }).click();
  await expect(a.page.getByText('Message recalled')).toBeVisible();
  await expect(a.page.getByText('See you there')).toHaveCount(0);
  await expect(mine).toBeVisible();

  await a.context.close();
  await b.context.close();
});
