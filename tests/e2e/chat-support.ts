import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { befriend, personInOwnBrowser, type BrowserPerson } from './feed-support';
import { runSupportScript } from './support';

/** Starts (or opens) the one-to-one chat from /chats/new, as a person does; returns its address. */
export async function startChat(from: BrowserPerson, withPerson: BrowserPerson): Promise<string> {
  await from.page.goto('/chats/new');
  await from.page.getByRole('checkbox', { name: new RegExp(withPerson.person.name) }).check();
  await from.page.getByRole('button', { name: 'Start chat' }).click();
  await expect(from.page).toHaveURL(/\/chats\/[a-z0-9]{20,}$/);
  return new URL(from.page.url()).pathname;
}

/** A person and two friends of theirs, each in their own browser: the cast of a group chat. */
export async function threeFriends(browser: Browser, label: string) {
  const a = await personInOwnBrowser(browser, `${label}a`);
  const b = await personInOwnBrowser(browser, `${label}b`);
  const c = await personInOwnBrowser(browser, `${label}c`);
  await befriend(a, b);
  await befriend(a, c);
  return { a, b, c, close: () => Promise.all([a, b, c].map((person) => person.context.close())) };
}

/** Gives a person `count` group chats from a year ago, "Old club 0" the oldest. */
export async function oldChats(handle: string, count: number) {
  await runSupportScript('chat-old-chats.ts', [handle, String(count)]);
}

/** Makes a group from /chats/new, as a person does; returns its address. */
export async function startGroup(from: BrowserPerson, members: BrowserPerson[], title = ''): Promise<string> {
  await from.page.goto('/chats/new');
  for (const member of members) await from.page.getByRole('checkbox', { name: new RegExp(member.person.name) }).check();
  if (title) await from.page.getByLabel('Group name').fill(title);
  await from.page.getByRole('button', { name: `Create group of ${members.length + 1}` }).click();
  await expect(from.page).toHaveURL(/\/chats\/[a-z0-9]{20,}$/);
  return new URL(from.page.url()).pathname;
}

/** The conversation's channel is joined: from now on, what others do reaches this page. */
export async function chatIsLive(page: Page) {
  await expect(page.locator('[data-live="true"]').first()).toBeVisible();
}

export function messageList(page: Page): Locator {
  return page.getByRole('list', { name: 'Messages' });
}

/** Delivered messages (not those still waiting in the outbox) with this text. */
export function delivered(page: Page, text: string): Locator {
  return messageList(page).locator('li[data-message]').filter({ hasText: text });
}

export async function write(page: Page, text: string) {
  // A photo message still going holds the composer (so messages keep the order written).
  await expect(page.getByRole('button', { name: 'Send', exact: true })).not.toHaveAttribute('aria-busy', 'true');
  const field = page.getByRole('textbox', { name: 'Message' });
  await field.fill(text);
  await field.press('Enter');
}

/** No serious or critical axe violation on the page, in light and in dark. */
export async function expectAccessible(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), colorScheme).toEqual([]);
  }
}
