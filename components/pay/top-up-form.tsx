'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { startTopUpAction } from '@/lib/pay/card-actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';

const presets = ['10', '20', '50', '100'];

/**
 * Top up by card: pick an amount, go to Stripe Checkout, come back to the wallet. Without card
 * payments configured, it says so plainly instead of offering a button that cannot work.
 */
export function TopUpForm({ cardsAvailable }: { cardsAvailable: boolean }) {
  const t = useTranslations('payCards');
  // One key per form shown: a double tap opens one Checkout Session, not two.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useActionForm(startTopUpAction, ({ url }) => window.location.assign(url));
  if (!cardsAvailable) {
    return (
      <section aria-labelledby="top-up" className="rounded-2xl border border-line p-4">
        <h2 id="top-up" className="font-semibold">
          {t('topUp')}
        </h2>
        <p className="mt-1 text-sm text-fg-muted">{t('cardsOff')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="top-up" className="rounded-2xl border border-line p-4">
      <h2 id="top-up" className="font-semibold">
        {t('topUp')}
      </h2>
      <form onSubmit={form.onSubmit} noValidate className="mt-3 flex flex-col gap-3" aria-label={t('topUp')}>
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <FormMessage message={form.message} />
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">{t('amount')}</legend>
          {presets.map((amount, index) => (
            <label key={amount} className="cursor-pointer rounded-xl border border-line px-4 py-2 has-checked:border-brand has-checked:bg-brand/10 has-focus-visible:outline-2 has-focus-visible:outline-brand">
              <input type="radio" name="amount" value={amount} defaultChecked={index === 1} className="sr-only" />
              {amount}
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          {t('currency')}
          <select name="currency" defaultValue="USD" className="min-h-11 rounded-xl border border-line bg-surface px-3">
            <option value="USD">USD</option>
            <option value="EUR">EUR</option>
          </select>
        </label>
        {form.fieldError('amount') && <p className="text-sm text-danger">{form.fieldError('amount')}</p>}
        <Button type="submit" pending={form.pending}>
          {t('payByCard')}
        </Button>
      </form>
    </section>
  );
}
