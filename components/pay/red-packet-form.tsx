'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { PersonSummary } from '@/lib/account';
import { createRedPacketAction } from '@/lib/pay/actions';
import { currencies } from '@/lib/pay/money';
import { IdempotencyKeyField } from './idempotency-key-field';
import { SelectField } from '@/components/ui/select-field';

/** FormData keeps one value per name; the ticked friends are a list. */
function toInput(data: FormData) {
  return {
    eligible: data.getAll('eligible').map(String),
    shares: String(data.get('shares') ?? ''),
    total: String(data.get('total') ?? ''),
    currency: String(data.get('currency') ?? ''),
    mode: String(data.get('mode') ?? ''),
    idempotencyKey: String(data.get('idempotencyKey') ?? ''),
    password: data.get('password') ? String(data.get('password')) : undefined,
  };
}

export function RedPacketForm({ friends }: { friends: PersonSummary[] }) {
  const t = useTranslations('walletPacket');
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useActionForm((data: FormData) => createRedPacketAction(toInput(data)), ({ id }) => router.push(`/wallet/red-packet/${id}`));
  const friendsError = form.fieldError('eligible');
  const modeError = form.fieldError('mode');
  const errorId = useId();
  const anyFieldError = ['eligible', 'shares', 'total', 'currency', 'mode', 'password'].some((name) => form.fieldError(name));
  // Asked for only when the day's sends pass the allowance: the server says so (REAUTH_REQUIRED).
  const passwordError = form.fieldError('password');
  const send = useTranslations('walletSend');
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('newTitle')}>
      <FormMessage message={anyFieldError ? null : form.message} />
      <IdempotencyKeyField />
      <fieldset className="flex flex-col gap-1" aria-describedby={friendsError ? `${errorId}-friends` : undefined} aria-invalid={friendsError ? true : undefined}>
        <legend className="mb-1 text-sm font-medium">{t('friends')}</legend>
        <ul className="flex max-h-72 flex-col overflow-y-auto rounded-xl border border-line">
          {friends.map((friend) => (
            <li key={friend.id} className="border-b border-line last:border-b-0">
              <label className="flex min-h-12 cursor-pointer items-center gap-3 px-3 py-2">
                <input type="checkbox" name="eligible" value={friend.id} className="size-5 accent-brand" />
                <Avatar name={friend.name} handle={friend.handle} avatarId={friend.avatarId} size={32} alt="" />
                <span className="min-w-0">
                  <span className="block truncate font-medium">{friend.name}</span>
                  <span className="block truncate text-sm text-fg-muted">@{friend.handle}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {friendsError && (
          <p id={`${errorId}-friends`} role="alert" className="text-sm text-danger">
            {friendsError}
          </p>
        )}
      </fieldset>
      <TextField label={t('shares')} name="shares" type="number" inputMode="numeric" min={1} max={200} defaultValue={Math.min(2, friends.length)} required hint={t('sharesHint')} error={form.fieldError('shares')} />
      <div className="grid grid-cols-[1fr_7rem] gap-3">
        <TextField label={t('total')} name="total" inputMode="decimal" autoComplete="off" required hint={t('totalHint')} error={form.fieldError('total')} />
        <SelectField label={t('currency')} name="currency" defaultValue="USD" options={currencies.map((code) => ({ value: code, label: code }))} error={form.fieldError('currency')} />
      </div>
      {passwordError && <TextField label={send('password')} name="password" type="password" autoComplete="current-password" required error={passwordError} />}
      <fieldset className="flex flex-col gap-2" aria-describedby={modeError ? `${errorId}-mode` : undefined}>
        <legend className="mb-1 text-sm font-medium">{t('mode')}</legend>
        {(['random', 'equal'] as const).map((mode) => (
          <label key={mode} className="flex min-h-11 cursor-pointer items-center gap-3">
            <input type="radio" name="mode" value={mode} defaultChecked={mode === 'random'} className="size-5 accent-brand" />
            {t(mode)}
          </label>
        ))}
        {modeError && (
          <p id={`${errorId}-mode`} role="alert" className="text-sm text-danger">
            {modeError}
          </p>
        )}
      </fieldset>
      <Button type="submit" pending={form.pending} disabled={!hydrated}>
        {t('submit')}
      </Button>
    </form>
  );
}
