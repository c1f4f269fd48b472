import { expect, test } from '@playwright/test';
import { befriend, personInOwnBrowser } from './feed-support';
import { fund } from './pay-support';
import { chatIsLive, startChat } from './chat-support';

test('a transfer in a one-to-one chat: B accepts from the card, and A’s card follows live', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'paya');
  const b = await personInOwnBrowser(browser, 'payb');
  await befriend(a, b);
  await fund(a.person.handle, 5000);
  const path = await startChat(a, b);
  await b.page.goto(path);
  await chatIsLive(a.page);
  await chatIsLive(b.page);

  await a.page.getByRole('button', { name: 'Send money' }).click();
  const form = a.page.getByRole('form', { name: 'Send money' });
  await form.getByLabel('Amount').fill('12.50');
  await form.getByLabel('Note (optional)').fill('Concert tickets');
  await form.getByRole('button', { name: 'Send money' }).click();

  const card = (page: typeof a.page) => page.locator('[data-payment="transfer"]');
  await expect(card(a.page)).toContainText('$12.50');
  await expect(card(a.page)).toContainText('Waiting to be accepted');
  await expect(card(a.page).getByRole('button', { name: /Accept/ })).toHaveCount(0);
  await expect(card(b.page)).toContainText('Concert tickets');
  await card(b.page).getByRole('button', { name: 'Accept $12.50' }).click();
  await expect(card(b.page)).toHaveAttribute('data-status', 'ACCEPTED');
  await expect(card(a.page)).toHaveAttribute('data-status', 'ACCEPTED');
  await expect(card(a.page)).toContainText('Accepted');

  // The money arrived where the wallet says it is.
  await b.page.goto('/wallet');
  await expect(b.page.getByTestId('balance-USD')).toHaveText('$12.50');

  await a.context.close();
  await b.context.close();
});
