import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { newPerson, signUp } from './support';

async function personInOwnBrowser(browser: Browser, label: string) {
  const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  const person = await signUp(page, newPerson(label));
  return { page, person, context };
}

function acceptDialogs(page: Page) {
  page.on('dialog', (dialog) => void dialog.accept());
}

test('A asks B to be friends; B sees it in notifications and accepts; both contact lists show it', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'a');
  const b = await personInOwnBrowser(browser, 'b');

  // A finds B by part of the handle and sends a request from B's profile.
  await a.page.goto(`/me/contacts?tab=find&q=${encodeURIComponent(b.person.handle.slice(0, -1))}`);
  await a.page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: new RegExp(b.person.handle) }).click();
  await expect(a.page.getByRole('heading', { level: 1, name: b.person.name })).toBeVisible();
  await a.page.getByRole('button', { name: 'Add friend' }).click();
  await expect(a.page.getByRole('button', { name: 'Cancel request' })).toBeVisible();

  // B: the Me tab counts it, the notification centre says who and what.
  await b.page.goto('/chats');
  await expect(b.page.getByRole('navigation', { name: 'Main' }).getByLabel('1 unread notification')).toBeVisible();
  await b.page.goto('/notifications');
  await expect(b.page.getByRole('list', { name: 'Notifications' }).getByText(a.person.name)).toBeVisible();
  await expect(b.page.getByText('sent you a friend request')).toBeVisible();
  await b.page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(b.page.getByRole('navigation', { name: 'Main' }).getByLabel('1 unread notification')).toHaveCount(0);

  // B accepts from Contacts.
  await b.page.goto('/me/contacts?tab=requests');
  const incoming = b.page.getByRole('list', { name: 'Requests to you' });
  await expect(incoming.getByText(a.person.name)).toBeVisible();
  await incoming.getByRole('button', { name: 'Accept' }).click();
  await expect(b.page.getByText('No new friend requests.')).toBeVisible();

  for (const [viewer, other] of [
    [a, b],
    [b, a],
  ] as const) {
    await viewer.page.goto('/me/contacts');
    await expect(viewer.page.getByRole('list', { name: 'Friends' }).getByText(other.person.name)).toBeVisible();
  }
  // A hears that B accepted.
  await a.page.goto('/notifications');
  await expect(a.page.getByText('accepted your friend request')).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test('after A blocks B, B gets "not found" for A\'s profile, exactly as for a handle that does not exist', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'blocker');
  const b = await personInOwnBrowser(browser, 'blocked');
  acceptDialogs(a.page);
  await a.page.goto(`/u/${b.person.handle}`);
  await a.page.getByRole('button', { name: 'Block' }).click();
  await expect(a.page.getByRole('button', { name: 'Unblock' })).toBeVisible();

  await b.page.goto('/u/nosuchpersonhere');
  // Read the answer once it has streamed in, not the loading placeholder before it.
  await expect(b.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const missing = await b.page.getByRole('main').innerText();
  await b.page.goto(`/u/${a.person.handle}`);
  await expect(b.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect(await b.page.getByRole('main').innerText()).toBe(missing);
  await b.page.goto(`/me/contacts?tab=find&q=${a.person.handle}`);
  await expect(b.page.getByText(`Nobody matches “${a.person.handle}”.`)).toBeVisible();

  // Unblocking from the blocked list makes the profile reachable again, with no friendship.
  await a.page.goto('/me/contacts?tab=blocked');
  await a.page.getByRole('list', { name: 'Blocked' }).getByRole('button', { name: 'Unblock' }).click();
  await expect(a.page.getByText("You haven't blocked anyone.")).toBeVisible();
  await b.page.goto(`/u/${a.person.handle}`);
  await expect(b.page.getByRole('button', { name: 'Add friend' })).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test('a personal QR code on Me opens the profile; the scanner reads one from a photo', async ({ browser }, testInfo) => {
  const a = await personInOwnBrowser(browser, 'qr');
  const b = await personInOwnBrowser(browser, 'scan');
  await a.page.goto('/me');
  const code = a.page.getByRole('img', { name: /QR code for / });
  const url = await code.getAttribute('data-qr-url');
  expect(url).toMatch(new RegExp(`/u/${a.person.handle}$`));

  // B photographs A's code (the image-upload fallback; headless Chromium has no camera).
  const photo = testInfo.outputPath('profile-qr.png');
  await QRCode.toFile(photo, url!, { width: 400, margin: 4 });
  await b.page.goto('/me/scan');
  await b.page.getByLabel('Choose a photo of a QR code').setInputFiles(photo);
  await expect(b.page).toHaveURL(new RegExp(`/u/${a.person.handle}$`));
  await expect(b.page.getByRole('button', { name: 'Add friend' })).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test('a signed-out visitor who opens a profile link signs in and lands on that profile', async ({ page, browser }) => {
  const owner = await personInOwnBrowser(browser, 'owner');
  const visitor = await signUp(page, newPerson('visitor'));
  await page.context().clearCookies();
  await page.goto(`/u/${owner.person.handle}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Email').fill(visitor.email);
  await page.getByLabel('Password').fill(visitor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/u/${owner.person.handle}$`));
  await owner.context.close();
});

test('privacy: a friends list set to "Only me" is hidden from visitors', async ({ browser }) => {
  const owner = await personInOwnBrowser(browser, 'private');
  const visitor = await personInOwnBrowser(browser, 'visit');
  await owner.page.goto('/me/privacy');
  await owner.page.getByRole('group', { name: 'Who can see your friends list' }).getByLabel('Only me').check();
  await owner.page.getByRole('group', { name: 'Who can send you friend requests' }).getByLabel('Nobody').check();
  await owner.page.getByRole('button', { name: 'Save' }).click();
  await expect(owner.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await visitor.page.goto(`/u/${owner.person.handle}/friends`);
  await expect(visitor.page.getByText('This person keeps their friends list private.')).toBeVisible();
  await visitor.page.goto(`/u/${owner.person.handle}`);
  await expect(visitor.page.getByText('Not accepting friend requests')).toBeVisible();
  await expect(visitor.page.getByRole('button', { name: 'Add friend' })).toHaveCount(0);
  await owner.context.close();
  await visitor.context.close();
});
