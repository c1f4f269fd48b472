import { expect, test, type Route, type WebSocketRoute } from '@playwright/test';
import { befriend, personInOwnBrowser } from './feed-support';
import { chatIsLive, delivered, messageList, startChat, write } from './chat-support';

/** Only the send requests (server actions carrying a client id) fail; reading still works. */
const isSend = (route: Route) => route.request().method() === 'POST' && !!route.request().headers()['next-action'] && (route.request().postData() ?? '').includes('"clientId"');

test('messages written while sends fail wait in order, then arrive once each, in order', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'offa');
  const b = await personInOwnBrowser(browser, 'offb');
  await befriend(a, b);
  const path = await startChat(a, b);
  await b.page.goto(path);
  await chatIsLive(a.page);
  await chatIsLive(b.page);

  // setOffline would leave the WebSocket open; failing the requests is what a dead network does to them.
  await a.page.route('**/chats/**', (route) => (isSend(route) ? route.abort('internetdisconnected') : route.fallback()));
  for (const text of ['first 1', 'second 2', 'third 3']) await write(a.page, text);
  const waiting = messageList(a.page).locator('li[data-pending]');
  await expect(waiting).toHaveCount(3);
  await expect(waiting).toHaveText([/first 1/, /second 2/, /third 3/]);
  await expect(waiting.first()).toHaveAttribute('data-pending', 'waiting');
  await expect(delivered(b.page, 'first 1')).toHaveCount(0);

  // Written while offline, kept across a reload: the outbox is in IndexedDB.
  await a.page.reload();
  await expect(messageList(a.page).locator('li[data-pending]')).toHaveCount(3);

  await a.page.unroute('**/chats/**');
  await expect(messageList(a.page).locator('li[data-pending]')).toHaveCount(0, { timeout: 20_000 });
  const seenByB = messageList(b.page).locator('li[data-message]');
  await expect(seenByB).toHaveText([/first 1/, /second 2/, /third 3/]);
  await b.page.reload();
  await expect(messageList(b.page).locator('li[data-message]')).toHaveText([/first 1/, /second 2/, /third 3/]);

  await a.context.close();
  await b.context.close();
});

test('a send whose answer was lost after the server stored it is retried without a duplicate', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'dropa');
  const b = await personInOwnBrowser(browser, 'dropb');
  await befriend(a, b);
  const path = await startChat(a, b);
  await b.page.goto(path);
  await chatIsLive(a.page);
  await chatIsLive(b.page);

  let dropped = 0;
  await a.page.route('**/chats/**', async (route) => {
    if (!isSend(route) || dropped > 0) return route.fallback();
    dropped += 1;
    // The server receives and stores it; the answer never reaches the browser.
    await route.fetch();
    await route.abort('connectionreset');
  });
  await write(a.page, 'only once please');
  await expect(delivered(b.page, 'only once please')).toHaveCount(1);
  await expect(messageList(a.page).locator('li[data-pending]')).toHaveCount(0, { timeout: 20_000 });
  await expect(delivered(a.page, 'only once please')).toHaveCount(1);
  expect(dropped).toBe(1);
  await b.page.reload();
  await expect(delivered(b.page, 'only once please')).toHaveCount(1);

  await a.context.close();
  await b.context.close();
});

test('after its connection drops, an open chat fetches everything after its last message', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'reca');
  const b = await personInOwnBrowser(browser, 'recb');
  await befriend(a, b);
  // B's realtime socket goes through a switch: while off, a dropped socket cannot reconnect.
  let reachable = true;
  const sockets: WebSocketRoute[] = [];
  const waiting: WebSocketRoute[] = [];
  await b.context.routeWebSocket(/\/app\//, (socket) => {
    sockets.push(socket);
    if (reachable) socket.connectToServer();
    else waiting.push(socket);
  });
  const path = await startChat(a, b);
  await write(a.page, 'before the tunnel');
  await b.page.goto(path);
  await expect(delivered(b.page, 'before the tunnel')).toBeVisible();
  await chatIsLive(b.page);

  reachable = false;
  await sockets.at(-1)!.close({ code: 4200, reason: 'Connection lost' });
  await expect(b.page.locator('html[data-realtime="live"]')).toHaveCount(0);
  await write(a.page, 'in the tunnel 1');
  await write(a.page, 'in the tunnel 2');
  await expect(delivered(a.page, 'in the tunnel 2')).toBeVisible();
  await expect(delivered(b.page, 'in the tunnel 1')).toHaveCount(0);

  reachable = true;
  waiting.forEach((socket) => socket.connectToServer());
  await expect(messageList(b.page).locator('li[data-message]')).toHaveText([/before the tunnel/, /in the tunnel 1/, /in the tunnel 2/]);

  await a.context.close();
  await b.context.close();
});
