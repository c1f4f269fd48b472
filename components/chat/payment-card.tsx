'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { acceptTransferAction, claimRedPacketAction } from '@/lib/chat/actions';
import type { MessageDto } from '@/lib/chat/client';
import type { ActionResult } from '@/lib/core/action';
import { formatMinor, type Currency } from '@/lib/pay/client';

/**
 * A transfer or red packet in the conversation. Its state (waiting, accepted, returned; 3 of 10
 * opened) comes from pay each time the message is fetched, and the page refetches the message
 * when pay says it changed, whoever changed it.
 */
export function PaymentCardView({ message, onChanged }: { message: MessageDto; onChanged: (message: MessageDto) => void }) {
  const t = useTranslations('chat.money');
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const [won, setWon] = useState<string | null>(null);
  const payment = message.payment!;

  if (payment.type === 'transfer') {
    const amount = formatMinor(payment.amount, payment.currency as Currency, locale);
    return (
      <div className="flex min-w-52 flex-col rounded-xl bg-orange-500 p-3 text-white" data-payment="transfer" data-status={payment.status}>
        <span className="text-xs uppercase tracking-wide opacity-90">{t('transfer')}</span>
        <span className="text-2xl font-bold">{amount}</span>
        {payment.note && <span className="text-sm">{payment.note}</span>}
        <span className="mt-1 text-sm opacity-90">{t(`transferStatus.${payment.status}`)}</span>
        {payment.mayAccept && (
          <PayButton label={t('accept', { amount })} act={() => acceptTransferAction({ messageId: message.id })} onDone={onChanged} onError={setError} />
        )}
        {error && <span role="alert" className="mt-1 text-sm">{error}</span>}
      </div>
    );
  }

  return (
    <div className="flex min-w-52 flex-col rounded-xl bg-red-600 p-3 text-white" data-payment="red-packet" data-status={payment.status}>
      <span className="text-xs uppercase tracking-wide opacity-90">{t('redPacket')}</span>
      <span className="text-lg font-semibold">{payment.note || t('bestWishes')}</span>
      <span className="mt-1 text-sm opacity-90" data-claimed={payment.claimed}>
        {t('claimedOf', { claimed: payment.claimed, total: payment.shareCount })}
        {payment.status !== 'OPEN' && ` · ${t(`packetStatus.${payment.status}`)}`}
      </span>
      {payment.myShare !== null && <span className="mt-1 font-semibold">{t('yourShare', { amount: formatMinor(payment.myShare, payment.currency as Currency, locale) })}</span>}
      {won && <span role="status" className="sr-only">{won}</span>}
      {payment.mayClaim && (
        <PayButton
          label={t('open')}
          act={() => claimRedPacketAction({ messageId: message.id })}
          onDone={(claimed) => {
            setWon(t('yourShare', { amount: formatMinor(claimed.amount, claimed.currency as Currency, locale) }));
            onChanged(claimed.message);
          }}
          onError={setError}
        />
      )}
      {error && <span role="alert" className="mt-1 text-sm">{error}</span>}
    </div>
  );
}

/** Accepting or opening: one tap runs the action; a refusal or a dead network is said in words. */
function PayButton<T>({ label, act, onDone, onError }: { label: string; act: () => Promise<ActionResult<T>>; onDone: (data: T) => void; onError: (message: string | null) => void }) {
  const t = useTranslations('chat.money');
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="mt-2 min-h-10 w-full rounded-xl bg-white/90 px-3 font-semibold text-red-700 disabled:opacity-60"
      disabled={!hydrated || pending}
      onClick={() =>
        startTransition(async () => {
          onError(null);
          const result = await act().catch(() => null);
          if (!result) return onError(t('networkError'));
          if (result.ok) onDone(result.data);
          else onError(result.message);
        })
      }
    >
      {label}
    </button>
  );
}
