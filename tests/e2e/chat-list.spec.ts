import { expect, test } from '@playwright/test';
import { personInOwnBrowser } from './feed-support';
import { oldChats } from './chat-support';

test('a long chats list shows fifty chats, and the rest on asking', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'many');
  await oldChats(a.person.handle, 53);
  await a.page.goto('/chats');
  const list = a.page.getByRole('list', { name: 'Chats' });
  const rows = list.locator('a[data-chat]');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText('Old club 52');
  await expect(rows.last()).toContainText('Old club 3');

  // From the keyboard: focus lands on the first chat that came in.
  await list.getByRole('button', { name: 'Show more chats' }).focus();
  await a.page.keyboard.press('Enter');
  await expect(rows).toHaveCount(53);
  await expect(rows.nth(50)).toBeFocused();
  await expect(rows.nth(50)).toContainText('Old club 2');
  await expect(rows.last()).toContainText('Old club 0');
  await expect(list.getByRole('button', { name: 'Show more chats' })).toHaveCount(0);
  await a.context.close();
});
