import { expect, type Locator, type Page } from '@playwright/test';
import type { BrowserPerson } from './feed-support';

/** Starts (or opens) the one-to-one chat from /chats/new, as a person does; returns its address. */
export async function startChat(from: BrowserPerson, withPerson: BrowserPerson): Promise<string> {
  await from.page.goto('/chats/new');
  await from.page.getByRole('checkbox', { name: new RegExp(withPerson.person.name) }).check();
  await from.page.getByRole('button', { name: 'Start chat' }).click();
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
  const field = page.getByRole('textbox', { name: 'Message' });
  await field.fill(text);
  await field.press('Enter');
}
