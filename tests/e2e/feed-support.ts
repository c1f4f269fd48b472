import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { newPerson, signUp } from './support';

export async function personInOwnBrowser(browser: Browser, label: string) {
  const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  const person = await signUp(page, newPerson(label));
  return { page, person, context };
}
export type BrowserPerson = Awaited<ReturnType<typeof personInOwnBrowser>>;

/** A friendship made as people make one: a request, then an acceptance. */
export async function befriend(a: BrowserPerson, b: BrowserPerson) {
  await a.page.goto(`/u/${b.person.handle}`);
  await a.page.getByRole('button', { name: 'Add friend' }).click();
  await expect(a.page.getByRole('button', { name: 'Cancel request' })).toBeVisible();
  await b.page.goto('/me/contacts?tab=requests');
  await b.page.getByRole('list', { name: 'Requests to you' }).getByRole('button', { name: 'Accept' }).click();
  await expect(b.page.getByText('No new friend requests.')).toBeVisible();
}

/** Writes a post from the composer on /feed and waits until it is on the page. */
export async function writePost(page: Page, text: string, audience: 'Public' | 'Friends' | 'Only me' = 'Friends') {
  await page.goto('/feed');
  const composer = page.getByRole('form', { name: 'New post' });
  await composer.getByLabel('Text').fill(text);
  await composer.getByLabel('Who can see this').selectOption({ label: audience });
  await composer.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(postCard(page, text)).toBeVisible();
}

export function postCard(page: Page, text: string) {
  return page.getByRole('article').filter({ hasText: text }).first();
}

/** The card's own channel is joined: a change made elsewhere from now on reaches it. */
export async function cardIsLive(page: Page, text: string) {
  await expect(postCard(page, text)).toHaveAttribute('data-live', 'true');
}
