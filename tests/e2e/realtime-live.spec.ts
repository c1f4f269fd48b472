import { devices, expect, test, type Browser, type Page, type WebSocketRoute } from '@playwright/test';
import { newPerson, signUp } from './support';

async function personInOwnBrowser(browser: Browser, label: string) {
  const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  const person = await signUp(page, newPerson(label));
  return { page, person, context };
}

/** Live updates flow once the person's own channel is joined; wait for that, not for time. */
async function live(page: Page) {
  await expect(page.locator('html[data-realtime="live"]')).toBeAttached();
}

test('realtime: a friend request made by a server action reaches the other person’s open app without a reload', async ({ browser }) => {
  const ana = await personInOwnBrowser(browser, 'ana');
  const bo = await personInOwnBrowser(browser, 'bo');
  await ana.page.goto('/notifications');
  await live(ana.page);
  const nav = ana.page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByLabel('1 unread notification')).toHaveCount(0);

  await bo.page.goto(`/u/${ana.person.handle}`);
  await bo.page.getByRole('button', { name: 'Add friend' }).click();
  await expect(bo.page.getByRole('button', { name: 'Cancel request' })).toBeVisible();

  // Same page, no navigation: the badge and the list both show it.
  await expect(nav.getByLabel('1 unread notification')).toBeVisible();
  await expect(ana.page.getByRole('list', { name: 'Notifications' }).getByText(bo.person.name)).toBeVisible();
  await ana.context.close();
  await bo.context.close();
});

test('realtime: friends see each other come online and go offline', async ({ browser }) => {
  const ana = await personInOwnBrowser(browser, 'ana');
  const bo = await personInOwnBrowser(browser, 'bo');
  await bo.page.goto(`/u/${ana.person.handle}`);
  await bo.page.getByRole('button', { name: 'Add friend' }).click();
  await expect(bo.page.getByRole('button', { name: 'Cancel request' })).toBeVisible();
  await ana.page.goto('/me/contacts?tab=requests');
  await ana.page.getByRole('list', { name: 'Requests to you' }).getByRole('button', { name: 'Accept' }).click();
  await expect(ana.page.getByText('No new friend requests.')).toBeVisible();

  // Bo watches Ana's profile while Ana's app is open: she is online.
  await bo.page.goto(`/u/${ana.person.handle}`);
  await live(bo.page);
  await expect(bo.page.getByText('Online', { exact: true })).toBeVisible();
  // and in Ana's contacts, Bo carries the green dot.
  await ana.page.goto('/me/contacts');
  await expect(ana.page.getByRole('list', { name: 'Friends' }).getByRole('img', { name: 'Online' })).toBeVisible();

  // Ana closes Plaza: Bo's open page says when she was last active, without a reload.
  await ana.context.close();
  await expect(bo.page.getByText(/^Active /)).toBeVisible();
  await expect(bo.page.getByText('Online', { exact: true })).toHaveCount(0);
  await bo.context.close();
});

test('realtime: the auth route signs only the viewer’s own channels, and webhooks must be signed', async ({ page, request }) => {
  const anonymous = await request.post('/api/realtime/auth', { form: { socket_id: '1.1', channel_name: 'private-user-x' } });
  expect(anonymous.status()).toBe(403);

  await signUp(page, newPerson('auth'));
  const someoneElses = await page.request.post('/api/realtime/auth', { form: { socket_id: '1.1', channel_name: 'private-user-someoneelse' } });
  expect(someoneElses.status()).toBe(403);
  const malformed = await page.request.post('/api/realtime/auth', { form: { socket_id: 'not-a-socket', channel_name: 'private-user-x' } });
  expect(malformed.status()).toBe(400);

  const forged = await request.post('/api/realtime/webhook', {
    headers: { 'content-type': 'application/json', 'x-pusher-key': 'plaza-key', 'x-pusher-signature': '0'.repeat(64) },
    data: JSON.stringify({ time_ms: Date.now(), events: [{ name: 'channel_occupied', channel: 'private-user-x' }] }),
  });
  expect(forged.status()).toBe(401);
});

test('realtime: after the connection drops, the app catches up on what it missed', async ({ browser }) => {
  const ana = await personInOwnBrowser(browser, 'ana');
  const bo = await personInOwnBrowser(browser, 'bo');
  // Ana's realtime socket goes through a switch the test controls: while it is off, a dropped
  // socket cannot reconnect, as on a phone in a tunnel.
  let reachable = true;
  const sockets: WebSocketRoute[] = [];
  const waiting: WebSocketRoute[] = [];
  await ana.context.routeWebSocket(/\/app\//, (socket) => {
    sockets.push(socket);
    if (reachable) socket.connectToServer();
    else waiting.push(socket);
  });
  await ana.page.goto('/discover');
  await live(ana.page);
  const nav = ana.page.getByRole('navigation', { name: 'Main' });

  reachable = false;
  await sockets.at(-1)!.close({ code: 4200, reason: 'Connection lost' });
  await expect(ana.page.locator('html[data-realtime="live"]')).toHaveCount(0);
  // Meanwhile Bo follows her: the event has nowhere to go.
  await bo.page.goto(`/u/${ana.person.handle}`);
  await bo.page.getByRole('button', { name: 'Follow' }).click();
  await expect(bo.page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await expect(nav.getByLabel('1 unread notification')).toHaveCount(0);

  // Back in reach: the channel is joined again and the page refetches what it missed.
  reachable = true;
  waiting.forEach((socket) => socket.connectToServer());
  await live(ana.page);
  await expect(nav.getByLabel('1 unread notification')).toBeVisible();
  await ana.context.close();
  await bo.context.close();
});
