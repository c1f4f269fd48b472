import { expect, test } from '@playwright/test';
import { befriend, personInOwnBrowser } from './feed-support';
import { fund } from './pay-support';
import { chatIsLive, delivered, write } from './chat-support';

test('a red packet in a group is opened by two members and every view follows', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'grpa');
  const b = await personInOwnBrowser(browser, 'grpb');
  const c = await personInOwnBrowser(browser, 'grpc');
  await befriend(a, b);
  await befriend(a, c);
  await fund(a.person.handle, 5000);

  await a.page.goto('/chats/new');
  await a.page.getByRole('checkbox', { name: new RegExp(b.person.name) }).check();
  await a.page.getByRole('checkbox', { name: new RegExp(c.person.name) }).check();
  await a.page.getByLabel('Group name').fill('Hiking crew');
  await a.page.getByRole('button', { name: 'Create group of 3' }).click();
  await expect(a.page).toHaveURL(/\/chats\/[a-z0-9]{20,}$/);
  const path = new URL(a.page.url()).pathname;
  await expect(a.page.getByText('You created the group')).toBeVisible();
  await write(a.page, 'Welcome to the crew!');

  for (const member of [b, c]) {
    await member.page.goto(path);
    await expect(delivered(member.page, 'Welcome to the crew!')).toBeVisible();
    await chatIsLive(member.page);
  }
  await chatIsLive(a.page);

  await a.page.getByRole('button', { name: 'Send a red packet' }).click();
  const form = a.page.getByRole('form', { name: 'Send a red packet' });
  await form.getByLabel('Total').fill('10.00');
  await form.getByLabel('Number of packets').fill('2');
  await form.getByLabel('Note (optional)').fill('For the train tickets');
  await form.getByRole('button', { name: 'Send a red packet' }).click();

  const packet = (page: typeof a.page) => page.locator('[data-payment="red-packet"]');
  for (const member of [a, b, c]) await expect(packet(member.page)).toContainText('0 of 2 opened');

  await packet(b.page).getByRole('button', { name: 'Open' }).click();
  await expect(packet(b.page)).toContainText('You got');
  for (const member of [a, c]) await expect(packet(member.page)).toContainText('1 of 2 opened');

  await packet(c.page).getByRole('button', { name: 'Open' }).click();
  await expect(packet(c.page)).toContainText('You got');
  for (const member of [a, b, c]) await expect(packet(member.page)).toContainText('2 of 2 opened · All opened');
  await expect(packet(a.page).getByRole('button', { name: 'Open' })).toHaveCount(0);

  // Groups show "seen by N" on one's own messages.
  await expect(delivered(a.page, 'Welcome to the crew!').locator('[data-receipt]')).toHaveText('Seen by 2');

  await a.context.close();
  await b.context.close();
  await c.context.close();
});
