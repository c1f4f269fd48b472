import { z } from 'zod';

/**
 * Money is integer minor units (cents) with a currency, never a float. Currencies here have two
 * decimal places; a new one with another exponent needs its own entry.
 */
export const currencies = ['USD', 'EUR'] as const;
export type Currency = (typeof currencies)[number];
export const currencySchema = z.enum(currencies, { message: 'pay.currencyUnknown' });

/** The most one action may move: a typo of three zeros should fail, not empty a wallet. */
export const maxAmountMinor = 1_000_000_00;

export const minorAmountSchema = z
  .number({ message: 'pay.amountInvalid' })
  .int('pay.amountFraction')
  .positive('pay.amountPositive')
  .max(maxAmountMinor, 'pay.amountTooLarge');

/** "12.5" or "12.50" → 1250; anything with more than two decimals is refused, not rounded. */
export const decimalAmountSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, 'pay.amountFormat')
  .transform((value) => {
    const [whole, fraction = ''] = value.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  })
  .pipe(minorAmountSchema);

export type Money = { amount: number; currency: Currency };

export function formatMinor(amount: number, currency: Currency, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
}
