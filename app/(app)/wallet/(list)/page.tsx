import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AcceptTransferButton } from '@/components/pay/accept-transfer-button';
import { describeLine } from '@/components/pay/describe-line';
import { LiveWallet } from '@/components/pay/live-wallet';
import { WaitingList } from '@/components/pay/waiting-list';
import { TopUpForm } from '@/components/pay/top-up-form';
import { Avatar } from '@/components/ui/avatar';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { getPeopleSummaries } from '@/lib/account';
import { requireViewer, type Viewer } from '@/lib/core/session';
import { cardPaymentsAvailable, getBalances, getCardPaymentStatus, getHistory, listRedPacketsWaitingForMe, listTransfersWaitingForMe } from '@/lib/pay';
import { currencies, historyQuerySchema, type HistoryQuery } from '@/lib/pay/client';

export const generateMetadata = translatedTitle('wallet', 'title');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function queryOf(raw: Record<string, string | string[] | undefined>): HistoryQuery {
  const flat = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  // A hand-edited address shows the whole history rather than an error page.
  const parsed = historyQuerySchema.safeParse(flat);
  return parsed.success ? parsed.data : {};
}

function hrefWith(query: HistoryQuery, before: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, before: before ?? undefined })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const linkButton = 'inline-flex min-h-11 flex-1 items-center justify-center rounded-xl px-3 text-center font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand';

/** Back from Stripe Checkout: paid (credited already, or being confirmed) or cancelled. */
async function cardReturnOf(viewer: Viewer, raw: Record<string, string | string[] | undefined>) {
  if (raw.cancelled) return 'cancelled' as const;
  return typeof raw.paid === 'string' ? getCardPaymentStatus(viewer, raw.paid) : null;
}

export default async function WalletPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const raw = await searchParams;
  const query = queryOf(raw);
  const [cards, cardReturn] = await Promise.all([getTranslations('payCards'), cardReturnOf(viewer, raw)]);
  const { before, ...filter } = query;
  const [t, format, balances, waiting, history] = await Promise.all([
    getTranslations('wallet'),
    getFormatter(),
    getBalances(viewer),
    listTransfersWaitingForMe(viewer),
    getHistory(viewer, filter, before),
  ]);
  const packets = await listRedPacketsWaitingForMe(viewer);
  const senders = await getPeopleSummaries(viewer, [...waiting.map((transfer) => transfer.senderId), ...packets.map((packet) => packet.senderId)]);
  const money = (amount: number, currency: string) => format.number(amount / 100, { style: 'currency', currency });
  const filtered = Boolean(filter.currency || filter.direction || filter.kind);
  const select = 'min-h-11 w-full rounded-xl border border-line bg-surface px-2 text-base text-fg';

  return (
    <>
      <LiveWallet />
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-2xl flex-col gap-6 p-4">
        <section aria-labelledby="wallet-balances" className="flex flex-col gap-3">
          <h2 id="wallet-balances" className="sr-only">
            {t('balances')}
          </h2>
          <ul className="grid grid-cols-2 gap-3">
            {balances.map((row) => (
              <li key={row.currency} className="flex flex-col gap-1 rounded-2xl bg-surface-2 p-4">
                <span className="text-sm text-fg-muted">
                  {row.currency} · {t('available')}
                </span>
                <span className="text-2xl font-semibold tabular-nums" data-testid={`balance-${row.currency}`}>
                  {money(row.balance, row.currency)}
                </span>
                {row.held > 0 && (
                  <span className="text-sm text-fg-muted" title={t('onHoldExplain')}>
                    {t('onHold', { amount: money(row.held, row.currency) })}
                    <span className="sr-only"> ({t('onHoldExplain')})</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
          <nav aria-label={t('actions')} className="flex gap-2">
            <Link href="/wallet/send" className={`${linkButton} bg-brand text-on-brand`}>
              {t('send')}
            </Link>
            <Link href="/wallet/red-packet/new" className={`${linkButton} bg-surface-2`}>
              {t('redPacket')}
            </Link>
            <Link href="/wallet/receive" className={`${linkButton} bg-surface-2`}>
              {t('receive')}
            </Link>
          </nav>
        </section>
        {cardReturn && (
          <p role="status" className="rounded-xl bg-surface-2 p-3 text-sm">
            {cards(cardReturn)}
          </p>
        )}
        <TopUpForm cardsAvailable={cardPaymentsAvailable()} />

        <WaitingList id="wallet-packets" title={t('packetsTitle')} items={packets}>
          {(packet) => {
            const sender = senders.get(packet.senderId);
            return (
              <li key={packet.id} className="flex items-center gap-3 p-3">
                <span aria-hidden className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-red-600 text-lg text-yellow-300">
                  福
                </span>
                <p className="min-w-0 flex-1">
                  {packet.context
                    ? t('packetFromIn', { name: sender?.name ?? t('someone'), context: packet.context })
                    : t('packetFrom', { name: sender?.name ?? t('someone') })}
                </p>
                <Link href={`/wallet/red-packet/${packet.id}`} className={`${linkButton} max-w-28 flex-none bg-red-600 text-white`}>
                  {t('packetOpen')}
                </Link>
              </li>
            );
          }}
        </WaitingList>

        <WaitingList id="wallet-waiting" title={t('waitingTitle')} items={waiting}>
          {(transfer) => {
            const sender = senders.get(transfer.senderId);
            const name = sender?.name ?? t('someone');
            const amount = money(transfer.amount, transfer.currency);
            return (
              <li key={transfer.id} className="flex items-center gap-3 p-3">
                {sender && <Avatar name={sender.name} handle={sender.handle} avatarId={sender.avatarId} size={40} alt="" />}
                <div className="min-w-0 flex-1">
                  <p>
                    <span className="font-medium">{name}</span> {t('waitingFrom', { amount })}
                  </p>
                  {transfer.note && <p className="break-words text-sm">{t('waitingNote', { note: transfer.note })}</p>}
                  <p className="text-xs text-fg-muted">{t('waitingUntil', { when: format.dateTime(transfer.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
                </div>
                <AcceptTransferButton id={transfer.id} label={t('acceptLabel', { amount, name })} />
              </li>
            );
          }}
        </WaitingList>

        <section aria-labelledby="wallet-history" className="flex flex-col gap-3">
          <div className="flex items-center justify-between gap-3">
            <h2 id="wallet-history" className="text-lg font-semibold">
              {t('historyTitle')}
            </h2>
            <a href={`/wallet/statement${hrefWith(filter, null)}`} className="text-sm font-medium text-brand underline" download>
              {t('statement')}
            </a>
          </div>
          <form method="get" aria-label={t('filters')} className="grid grid-cols-3 items-end gap-2">
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t('filterCurrency')}
              <select name="currency" defaultValue={filter.currency ?? ''} className={select}>
                <option value="">{t('all')}</option>
                {currencies.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t('filterDirection')}
              <select name="direction" defaultValue={filter.direction ?? ''} className={select}>
                <option value="">{t('all')}</option>
                <option value="in">{t('in')}</option>
                <option value="out">{t('out')}</option>
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t('filterKind')}
              <select name="kind" defaultValue={filter.kind ?? ''} className={select}>
                <option value="">{t('all')}</option>
                {(['transfers', 'redpackets', 'topups', 'payments'] as const).map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="col-span-3 min-h-11 rounded-xl bg-surface-2 px-4 font-medium hover:bg-surface-3 focus-visible:outline-2 focus-visible:outline-brand">
              {t('apply')}
            </button>
          </form>
          {history.lines.length === 0 ? (
            <p className="py-10 text-center text-fg-muted">{filtered || before ? t('historyEmptyFiltered') : t('historyEmpty')}</p>
          ) : (
            <ul aria-labelledby="wallet-history" className="divide-y divide-line">
              {history.lines.map((line) => (
                <li key={line.id} className="flex items-center gap-3 py-3">
                  <div className="min-w-0 flex-1">
                    <p className="break-words">
                      {line.packetId ? (
                        <Link href={`/wallet/red-packet/${line.packetId}`} className="underline-offset-2 hover:underline">
                          {describeLine(t, line)}
                        </Link>
                      ) : (
                        describeLine(t, line)
                      )}
                    </p>
                    <p className="text-xs text-fg-muted">
                      <time dateTime={line.createdAt.toISOString()}>{format.dateTime(line.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                    </p>
                  </div>
                  <span className={`shrink-0 font-medium tabular-nums ${line.amount > 0 ? 'text-brand' : ''}`}>
                    {line.amount > 0 ? '+' : ''}
                    {money(line.amount, line.currency)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {history.next && (
            <Link href={`/wallet${hrefWith(filter, history.next)}`} className="self-center rounded-xl bg-surface-2 px-6 py-3 font-medium">
              {t('more')}
            </Link>
          )}
        </section>
      </div>
    </>
  );
}
