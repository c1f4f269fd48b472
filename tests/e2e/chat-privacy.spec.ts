import { expect, test } from '@playwright/test';
import { befriend, personInOwnBrowser } from './feed-support';
import { chatIsLive, delivered, startChat, write } from './chat-support';

test('someone outside a chat cannot open it, subscribe to it, or tell it from one that does not exist', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'priva');
  const b = await personInOwnBrowser(browser, 'privb');
  const stranger = await personInOwnBrowser(browser, 'privc');
  await befriend(a, b);
  const path = await startChat(a, b);
  await write(a.page, 'just between us');
  await expect(delivered(a.page, 'just between us')).toBeVisible();
  const id = path.split('/').pop()!;
  const randomId = 'c' + 'x'.repeat(24);

  const real = await stranger.page.goto(path);
  const realHeading = await stranger.page.getByRole('heading', { level: 1 }).textContent();
  await expect(stranger.page.getByText('just between us')).toHaveCount(0);
  const random = await stranger.page.goto(`/chats/${randomId}`);
  expect(real?.status()).toBe(404);
  expect(random?.status()).toBe(404);
  expect(await stranger.page.getByRole('heading', { level: 1 }).textContent()).toBe(realHeading);
  expect((await stranger.page.goto(`${path}/info`))?.status()).toBe(404);

  // The realtime auth endpoint asks chat's policy: members only, for private and presence channels.
  for (const channel of [`private-chat-${id}`, `presence-chat-${id}`, `private-chat-${randomId}`]) {
    const refused = await stranger.page.request.post('/api/realtime/auth', { form: { socket_id: '123.456', channel_name: channel } });
    expect(refused.status(), channel).toBe(403);
  }
  const allowed = await b.page.request.post('/api/realtime/auth', { form: { socket_id: '123.456', channel_name: `private-chat-${id}` } });
  expect(allowed.status()).toBe(200);

  await a.context.close();
  await b.context.close();
  await stranger.context.close();
});

test('a blocked person cannot message the one who blocked them', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'blka');
  const b = await personInOwnBrowser(browser, 'blkb');
  await befriend(a, b);
  const path = await startChat(a, b);
  await write(a.page, 'before the block');
  await expect(delivered(a.page, 'before the block')).toBeVisible();
  await chatIsLive(a.page);

  b.page.on('dialog', (dialog) => void dialog.accept());
  await b.page.goto(`/u/${a.person.handle}`);
  await b.page.getByRole('button', { name: 'Block' }).click();
  await expect(b.page.getByRole('button', { name: 'Unblock' })).toBeVisible();

  // A still holds the open page; the send is refused by the server, in words.
  await write(a.page, 'after the block');
  await expect(a.page.getByRole('alert')).toContainText("You can't message this person.");
  await a.page.goto(path);
  await expect(a.page.getByText("You can't send messages in this chat.")).toBeVisible();
  await b.page.goto(path);
  await expect(b.page.getByText('after the block')).toHaveCount(0);

  await a.context.close();
  await b.context.close();
});
