import { expect, test } from '@playwright/test';
import { fund } from './pay-support';
import { chatIsLive, delivered, expectAccessible, startGroup, threeFriends, write } from './chat-support';

test('a red packet in a group is opened by two members and every view follows', async ({ browser }) => {
  // Three people signing up and making friends in three browsers: more than the usual budget.
  test.slow();
  const { a, b, c, close } = await threeFriends(browser, 'grp');
  await fund(a.person.handle, 5000);
  const path = await startGroup(a, [b, c], 'Hiking crew');
  await expect(a.page.getByText('You created the group')).toBeVisible();
  await write(a.page, 'Welcome to the crew!');

  for (const member of [b, c]) {
    await member.page.goto(path);
    await expect(delivered(member.page, 'Welcome to the crew!')).toBeVisible();
    await chatIsLive(member.page);
  }
  await chatIsLive(a.page);
  // Everyone has the chat open: the header counts the others.
  await expect(a.page.locator('[data-online]')).toHaveText('3 members, 2 online');

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

  // C leaves the chat: A's count follows.
  await c.page.goto('/chats');
  await expect(a.page.locator('[data-online]')).toHaveText('3 members, 1 online');

  await close();
});

test('admins rename and remove; a removed member loses the chat; mute, pin and archive are each person’s own', async ({ browser }) => {
  // Three people, two friendships and a dozen steps across three browsers: more than the usual budget.
  test.slow();
  const { a, b, c, close } = await threeFriends(browser, 'adm');
  const path = await startGroup(a, [b, c]);
  await write(a.page, 'Plans for Saturday?');
  await b.page.goto(path);
  await chatIsLive(b.page);

  // Renaming shows as a note in the chat, live for B.
  await a.page.goto(`${path}/info`);
  await a.page.getByLabel('Group name').fill('Saturday plans');
  await a.page.getByRole('button', { name: 'Save' }).click();
  await expect(b.page.getByText('renamed the group to “Saturday plans”')).toBeVisible();
  await expect(b.page.getByRole('heading', { level: 1, name: 'Saturday plans' })).toBeVisible();

  // B is not an admin: no member controls for B.
  await b.page.goto(`${path}/info`);
  await expectAccessible(a.page);
  await expect(b.page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  // A removes C: C's chat answers as if it never existed.
  await a.page.getByRole('button', { name: `Remove ${c.person.name}` }).click();
  await expect(a.page.getByText('2 members')).toBeVisible();
  await c.page.goto(path);
  await expect(c.page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
  await b.page.goto(path);
  await expect(b.page.getByText(`removed ${c.person.name}`)).toBeVisible();

  // B archives it: it leaves B's list for the archive, and a new message brings it back.
  await b.page.goto(`${path}/info`);
  await b.page.getByRole('switch', { name: /Archive/ }).click();
  await expect(b.page.getByRole('switch', { name: /Archive/ })).toBeChecked();
  await b.page.goto('/chats');
  await expect(b.page.locator(`a[href="${path}"]`)).toHaveCount(0);
  await b.page.goto('/chats/archived');
  await expect(b.page.locator(`a[href="${path}"]`)).toBeVisible();
  await a.page.goto(path);
  await write(a.page, 'Still on for Saturday?');
  await expect(delivered(a.page, 'Still on for Saturday?')).toBeVisible();
  await b.page.goto('/chats');
  await expect(b.page.locator(`a[href="${path}"]`)).toContainText('Still on for Saturday?');

  // Muted: the chat keeps its count but the tab bar does not add it.
  await b.page.goto(`${path}/info`);
  await b.page.getByRole('switch', { name: /Mute/ }).click();
  await expect(b.page.getByRole('switch', { name: /Mute/ })).toBeChecked();
  await a.page.goto(path);
  await write(a.page, 'One more thing');
  await expect(delivered(a.page, 'One more thing')).toBeVisible();
  await b.page.goto('/chats');
  await expect(b.page.locator(`a[href="${path}"]`).getByLabel('Muted')).toBeVisible();
  await expect(b.page.getByRole('navigation', { name: 'Main' }).getByLabel(/unread message/)).toHaveCount(0);

  // B leaves.
  b.page.on('dialog', (dialog) => void dialog.accept());
  await b.page.goto(`${path}/info`);
  await b.page.getByRole('button', { name: 'Leave group' }).click();
  await expect(b.page).toHaveURL(/\/chats$/);
  await expect(b.page.locator(`a[href="${path}"]`)).toHaveCount(0);

  await close();
});
