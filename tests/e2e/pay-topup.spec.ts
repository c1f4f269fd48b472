import { expect, test } from '@playwright/test';
import { newPerson, signUp } from './support';

test('pay: a card top-up goes through Stripe Checkout and lands in the wallet once', async ({ page }) => {
  await signUp(page, newPerson('topup'));
  await page.goto('/wallet');
  await expect(page.getByTestId('balance-USD')).toHaveText('$0.00');
  const topUp = page.getByRole('form', { name: 'Top up by card' });
  await topUp.getByText('50', { exact: true }).click();
  await topUp.getByRole('button', { name: 'Continue to card payment' }).click();

  // Stripe's hosted page (the local fake of it in tests).
  await expect(page.getByRole('heading', { name: 'Pay $50.00 to Plaza' })).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page).toHaveURL(/\/wallet\?paid=cs_/);
  await expect(page.getByRole('status').filter({ hasText: 'your top-up is in your wallet' })).toBeVisible();
  await expect(page.getByTestId('balance-USD')).toHaveText('$50.00');
  await expect(page.getByText('Top-up by card')).toHaveCount(1);

  // Coming back to the same address (a reload, the back button) credits nothing more.
  await page.reload();
  await expect(page.getByTestId('balance-USD')).toHaveText('$50.00');
  await page.goto('/notifications');
  await expect(page.getByText('Your top-up of $50.00 is in your wallet')).toBeVisible();
});

test('pay: leaving Checkout without paying changes nothing and says so', async ({ page }) => {
  await signUp(page, newPerson('topupcancel'));
  await page.goto('/wallet');
  await page.getByRole('form', { name: 'Top up by card' }).getByRole('button', { name: 'Continue to card payment' }).click();
  await expect(page.getByRole('heading', { name: 'Pay $20.00 to Plaza' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Top-up cancelled: nothing was charged.' })).toBeVisible();
  await expect(page.getByTestId('balance-USD')).toHaveText('$0.00');
});
