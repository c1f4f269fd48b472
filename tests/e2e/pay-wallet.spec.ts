import { expect, test, type Page } from '@playwright/test';
import { fund, live, personInOwnBrowser } from './pay-support';

async function balance(page: Page, currency = 'USD') {
  await page.goto('/wallet');
  return page.getByTestId(`balance-${currency}`).innerText();
}

async function submitAmount(page: Page, amount: string) {
  await page.getByLabel('Amount').fill(amount);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

test('A sends B $12.50 with a note; B sees it arrive live and accepts; both histories and the CSV explain it', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await personInOwnBrowser(browser, 'payer');
  const b = await personInOwnBrowser(browser, 'payee');
  await fund(a.person.handle, 100_000);
  expect(await balance(a.page)).toBe('$1,000.00');

  await b.page.goto('/wallet');
  await live(b.page);
  await expect(b.page.getByText('No money has moved yet.')).toBeVisible();

  // Malformed amounts are refused in words, and nothing moves.
  await a.page.goto(`/wallet/send?to=${b.person.handle}`);
  await expect(a.page.getByLabel('To (handle)')).toHaveValue(b.person.handle);
  await a.page.getByLabel('Note (optional)').fill('For lunch');
  const amountField = a.page.getByLabel('Amount');
  for (const [typed, message] of [
    ['12.345', 'Enter an amount like 12.50: digits, with at most two after the point.'],
    ['0', 'The amount must be more than zero.'],
    ['-1', 'Enter an amount like 12.50: digits, with at most two after the point.'],
  ] as const) {
    await submitAmount(a.page, typed);
    await expect(amountField).toHaveAttribute('aria-invalid', 'true');
    await expect(a.page.getByText(message)).toBeVisible();
  }
  // Nobody's wallet moved: B still has nothing waiting.
  await expect(b.page.getByRole('heading', { name: 'Money waiting for you' })).toHaveCount(0);

  await submitAmount(a.page, '12.50');
  await expect(a.page.getByRole('status').getByText(`Sent $12.50 to @${b.person.handle}.`)).toBeVisible();

  // B's open wallet shows it without a reload.
  const waiting = b.page.getByRole('list', { name: 'Money waiting for you' });
  await expect(waiting.getByText(a.person.name, { exact: true })).toBeVisible();
  await expect(waiting.getByText('sent you $12.50')).toBeVisible();
  await expect(waiting.getByText('“For lunch”')).toBeVisible();
  await waiting.getByRole('button', { name: `Accept $12.50 from ${a.person.name}` }).click();
  await expect(b.page.getByRole('heading', { name: 'Money waiting for you' })).toHaveCount(0);
  await expect(b.page.getByTestId('balance-USD')).toHaveText('$12.50');
  const bHistory = b.page.getByRole('list', { name: 'History' });
  await expect(bHistory.getByText(`From ${a.person.name}`)).toBeVisible();
  await expect(bHistory.getByText('+$12.50')).toBeVisible();

  expect(await balance(a.page)).toBe('$987.50');
  const aHistory = a.page.getByRole('list', { name: 'History' });
  await expect(aHistory.getByText(`Sent to ${b.person.name}`)).toBeVisible();
  await expect(aHistory.getByText('-$12.50')).toBeVisible();
  await expect(aHistory.getByText('Welcome credit')).toBeVisible();

  // Filters are query parameters: money in shows the credit, not the payment.
  await a.page.getByLabel('In or out').selectOption('in');
  await a.page.getByRole('button', { name: 'Show' }).click();
  await expect(a.page).toHaveURL(/direction=in/);
  await expect(aHistory.getByText('Welcome credit')).toBeVisible();
  await expect(aHistory.getByText(`Sent to ${b.person.name}`)).toHaveCount(0);

  // The CSV statement has the line, in words, with the other person's handle.
  const statement = await a.page.request.get('/wallet/statement');
  expect(statement.status()).toBe(200);
  expect(statement.headers()['content-disposition']).toMatch(new RegExp(`^attachment; filename="plaza-statement-${a.person.handle}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
  const csv = await statement.text();
  expect(csv).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z,Sent to ${b.person.name},${b.person.handle},,-12\\.50,USD\\r$`, 'm'));
  expect((await b.page.request.get('/wallet/statement?direction=in')).ok()).toBe(true);
  expect(await (await b.page.request.get('/wallet/statement?direction=in')).text()).toContain(`From ${a.person.name},${a.person.handle},,12.50,USD`);
  expect((await a.page.request.get('/wallet/statement?direction=sideways')).status()).toBe(400);

  // Above the day's allowance the password is asked for, a wrong one is refused, and nothing moves.
  await a.page.goto(`/wallet/send?to=${b.person.handle}`);
  await a.page.getByLabel('Amount').fill('250');
  await expect(a.page.getByText('Sending more than $200.00 in a day needs your password')).toBeVisible();
  await a.page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(a.page.getByText('Enter your password to send this much in one day.')).toBeVisible();
  await a.page.getByLabel('Your password').fill('not my password at all');
  await a.page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(a.page.getByText("That isn't your password.")).toBeVisible();
  await expect(a.page.getByLabel('Your password')).toHaveAttribute('aria-invalid', 'true');
  expect(await balance(a.page)).toBe('$987.50');

  await a.page.goto(`/wallet/send?to=${b.person.handle}`);
  await a.page.getByLabel('Amount').fill('250');
  await a.page.getByLabel('Your password').fill(a.person.password);
  await a.page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(a.page.getByText(`Sent $250.00 to @${b.person.handle}.`)).toBeVisible();
  expect(await balance(a.page)).toBe('$737.50');
  await expect(a.page.getByText('$250.00 on hold')).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test('the receive code opens the pay screen for its owner, and the scanner is allowed to open it', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'qrpayee');
  await a.page.goto('/wallet/receive');
  const code = a.page.getByRole('img', { name: /QR code that opens a payment to/ });
  const url = await code.getAttribute('data-qr-url');
  expect(url).toBe(`${new URL(test.info().project.use.baseURL!).origin}/wallet/send?to=${a.person.handle}`);
  await a.page.goto(url!);
  await expect(a.page.getByLabel('To (handle)')).toHaveValue(a.person.handle);
  await a.context.close();
});

async function befriend(from: Awaited<ReturnType<typeof personInOwnBrowser>>, to: Awaited<ReturnType<typeof personInOwnBrowser>>) {
  await from.page.goto(`/u/${to.person.handle}`);
  await from.page.getByRole('button', { name: 'Add friend' }).click();
  await expect(from.page.getByRole('button', { name: 'Cancel request' })).toBeVisible();
  await to.page.goto('/me/contacts?tab=requests');
  await to.page.getByRole('list', { name: 'Requests to you' }).getByRole('button', { name: 'Accept' }).click();
  await expect(to.page.getByText('No new friend requests.')).toBeVisible();
}

test('A sends a red packet of 2 shares to B and C; both open it; the packet shows who got how much; others get not-found', async ({ browser }) => {
  test.setTimeout(150_000);
  const a = await personInOwnBrowser(browser, 'pkta');
  const b = await personInOwnBrowser(browser, 'pktb');
  const c = await personInOwnBrowser(browser, 'pktc');
  const d = await personInOwnBrowser(browser, 'pktd');
  await befriend(a, b);
  await befriend(a, c);
  await fund(a.person.handle, 5_000);

  await a.page.goto('/wallet/red-packet/new');
  await a.page.getByRole('checkbox', { name: new RegExp(b.person.handle) }).check();
  await a.page.getByRole('checkbox', { name: new RegExp(c.person.handle) }).check();
  await a.page.getByLabel('Number of shares').fill('2');
  await a.page.getByLabel('Total').fill('20');
  await a.page.getByLabel('Equal shares').check();
  await a.page.getByRole('button', { name: 'Send red packet' }).click();
  await expect(a.page).toHaveURL(/\/wallet\/red-packet\/[\w-]+$/);
  await expect(a.page.getByText('You sent $20.00 in 2 shares')).toBeVisible();
  await expect(a.page.getByText('Nobody has opened it yet.')).toBeVisible();
  const packetUrl = a.page.url();
  await live(a.page);

  // B finds it in the wallet; C follows the link A shared.
  await b.page.goto('/wallet');
  const forB = b.page.getByRole('list', { name: 'Red packets for you' });
  await expect(forB.getByText(`A red packet from ${a.person.name}`)).toBeVisible();
  await forB.getByRole('link', { name: 'Open' }).click();
  await expect(b.page).toHaveURL(packetUrl);
  for (const person of [b, c]) {
    if (person === c) await person.page.goto(packetUrl);
    await expect(person.page.getByText(`${a.person.name} sent $20.00 in 2 shares`)).toBeVisible();
    await person.page.getByRole('button', { name: 'Open red packet' }).click();
    await expect(person.page.getByText('You got $10.00')).toBeVisible();
    await expect(person.page.getByRole('button', { name: 'Open red packet' })).toHaveCount(0);
  }
  await expect(c.page.getByText('All shares are taken.')).toBeVisible();
  await b.page.goto('/wallet');
  await expect(b.page.getByRole('list', { name: 'Red packets for you' })).toHaveCount(0);

  // The sender's open page follows along, and lists both shares.
  const claims = a.page.getByRole('list', { name: 'Who got how much' });
  await expect(a.page.getByText('All shares are taken.')).toBeVisible();
  for (const person of [b, c]) await expect(claims.getByRole('listitem').filter({ hasText: person.person.name })).toContainText('$10.00');
  expect(await balance(a.page)).toBe('$30.00');
  expect(await balance(b.page)).toBe('$10.00');
  await expect(b.page.getByRole('list', { name: 'History' }).getByText(`Red packet from ${a.person.name}`)).toBeVisible();

  // Someone it was not for: the same answer as for a packet that does not exist.
  await d.page.goto(packetUrl);
  await expect(d.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  for (const person of [a, b, c, d]) await person.context.close();
});
