'use client';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { sendRedPacketAction, sendTransferAction } from '@/lib/chat/actions';
import type { MessageDto } from '@/lib/chat/client';
import { currencies } from '@/lib/pay/client';
import { newClientId } from './outbox';

/**
 * Sending money from a conversation: a transfer in a one-to-one chat, a red packet in a group.
 * The client id made when the form opens is pay's idempotency key, so a double tap pays once.
 */
export function MoneyForm({ conversationId, group, memberCount, onSent, onClose }: { conversationId: string; group: boolean; memberCount: number; onSent: (message: MessageDto) => void; onClose: () => void }) {
  const t = useTranslations('chat.money');
  const [clientId] = useState(newClientId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    const common = {
      conversationId,
      clientId,
      amount: String(form.get('amount') ?? ''),
      currency: String(form.get('currency') ?? 'USD') as 'USD' | 'EUR',
      note: String(form.get('note') ?? ''),
      password: form.get('password') ? String(form.get('password')) : undefined,
    };
    startTransition(async () => {
      setErrors({});
      setMessage(null);
      const result = await (group
        ? sendRedPacketAction({ ...common, shares: Number(form.get('shares') ?? 1), mode: form.get('mode') === 'equal' ? 'equal' : 'random' })
        : sendTransferAction(common)
      ).catch(() => null);
      // Same client id on the next try: pay moves the money once however often it is sent.
      if (!result) return setMessage(t('networkError'));
      if (result.ok) {
        onSent(result.data);
        onClose();
        return;
      }
      setErrors(result.fieldErrors);
      if (result.fieldErrors.password) setNeedsPassword(true);
      if (Object.keys(result.fieldErrors).length === 0) setMessage(result.message);
    });
  }

  return (
    <form action={submit} className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4" aria-label={group ? t('sendRedPacket') : t('sendTransfer')}>
      <h2 className="text-base font-semibold">{group ? t('sendRedPacket') : t('sendTransfer')}</h2>
      <div className="grid grid-cols-[1fr_auto] gap-2">
        <TextField name="amount" label={group ? t('total') : t('amount')} inputMode="decimal" autoComplete="off" required error={errors.amount ?? errors.total} />
        <SelectField name="currency" label={t('currency')} defaultValue="USD" options={currencies.map((currency) => ({ value: currency, label: currency }))} />
      </div>
      {group && (
        <div className="grid grid-cols-2 gap-2">
          <TextField name="shares" label={t('shares')} type="number" min={1} max={Math.max(1, memberCount - 1)} defaultValue={Math.min(3, Math.max(1, memberCount - 1))} required error={errors.shares} />
          <SelectField name="mode" label={t('mode')} defaultValue="random" options={[{ value: 'random', label: t('random') }, { value: 'equal', label: t('equal') }]} />
        </div>
      )}
      <TextField name="note" label={t('note')} maxLength={140} error={errors.note} />
      {needsPassword && <TextField name="password" type="password" label={t('password')} autoComplete="current-password" error={errors.password} />}
      {message && (
        <p role="alert" className="text-sm text-danger">
          {message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button type="submit" pending={pending}>
          {group ? t('sendRedPacket') : t('sendTransfer')}
        </Button>
      </div>
    </form>
  );
}
