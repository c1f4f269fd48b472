'use client';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage, TextAreaField, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { useHydrated } from '@/components/ui/use-hydrated';
import { sendTransferAction } from '@/lib/pay/actions';
import { currencies, type Currency } from '@/lib/pay/money';
import { IdempotencyKeyField } from './idempotency-key-field';
import { SelectField } from '@/components/ui/select-field';

/** "12.5" → 1250, or null while the amount is not (yet) a valid one. */
function toMinor(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
}

type Props = { initialHandle: string; reauthAboveMinor: number; hasPassword: boolean };

/** The transfer form, remounted (with a fresh idempotency key) for every new payment. */
function TransferForm({ initialHandle, reauthAboveMinor, hasPassword, onSent }: Props & { onSent: (sent: { handle: string; amount: number; currency: Currency }) => void }) {
  const t = useTranslations('walletSend');
  const format = useFormatter();
  const hydrated = useHydrated();
  const [handle, setHandle] = useState(initialHandle);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<Currency>('USD');
  const form = useActionForm(sendTransferAction, (data) => onSent({ handle: handle.trim().replace(/^@/, '').toLowerCase(), amount: data.amount, currency: data.currency }));
  const threshold = format.number(reauthAboveMinor / 100, { style: 'currency', currency });
  const minor = toMinor(amount);
  const needsPassword = (minor !== null && minor > reauthAboveMinor) || Boolean(form.fieldError('password'));
  const anyFieldError = ['handle', 'amount', 'currency', 'note', 'password'].some((name) => form.fieldError(name));
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('title')}>
      <FormMessage message={anyFieldError ? null : form.message} />
      <IdempotencyKeyField />
      <TextField
        label={t('to')}
        name="handle"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={handle}
        onChange={(event) => setHandle(event.target.value)}
        hint={t('toHint')}
        error={form.fieldError('handle')}
      />
      <div className="grid grid-cols-[1fr_7rem] gap-3">
        <TextField
          label={t('amount')}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          hint={t('amountHint')}
          error={form.fieldError('amount')}
        />
        <SelectField
          label={t('currency')}
          name="currency"
          value={currency}
          onChange={(event) => setCurrency(event.target.value as Currency)}
          options={currencies.map((code) => ({ value: code, label: code }))}
          error={form.fieldError('currency')}
        />
      </div>
      <TextAreaField label={t('note')} name="note" maxLength={140} error={form.fieldError('note')} />
      {needsPassword &&
        (hasPassword ? (
          <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required hint={t('passwordWhy', { amount: threshold })} error={form.fieldError('password')} />
        ) : (
          <p role="alert" className="rounded-xl bg-surface-2 px-3 py-2 text-sm">
            {form.fieldError('password') ?? t('noPassword', { amount: threshold })}{' '}
            <Link href="/me/settings" className="font-medium text-brand underline">
              {t('setPassword')}
            </Link>
          </p>
        ))}
      <Button type="submit" pending={form.pending} disabled={!hydrated}>
        {t('submit')}
      </Button>
    </form>
  );
}

export function SendForm(props: Props) {
  const t = useTranslations('walletSend');
  const format = useFormatter();
  const [round, setRound] = useState(0);
  const [sent, setSent] = useState<{ handle: string; amount: number; currency: Currency } | null>(null);
  if (sent) {
    return (
      <div className="flex flex-col gap-4">
        <p role="status" className="rounded-xl bg-surface-2 px-3 py-3">
          {t('sent', { amount: format.number(sent.amount / 100, { style: 'currency', currency: sent.currency }), handle: sent.handle })}
        </p>
        <div className="flex gap-3">
          <Link href="/wallet" className="inline-flex min-h-11 items-center rounded-xl bg-brand px-4 font-medium text-on-brand">
            {t('backToWallet')}
          </Link>
          <Button
            variant="secondary"
            onClick={() => {
              setSent(null);
              setRound((value) => value + 1);
            }}
          >
            {t('sendAnother')}
          </Button>
        </div>
      </div>
    );
  }
  return <TransferForm key={round} {...props} onSent={setSent} />;
}
