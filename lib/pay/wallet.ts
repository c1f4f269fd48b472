import 'server-only';
import { getPeopleSummaries, type PersonSummary } from '@/lib/account';
import type { SystemViewer, Viewer } from '@/lib/core/session';
import { forbidden } from '@/lib/core/errors';
import { balancesOf, inTransaction, post, walletLines, type LedgerLine } from './ledger';
import { currencies, type Currency } from './money';
import { publish, userChannel } from '@/lib/realtime';
import { payEvents } from './events';

export type WalletLine = {
  id: string;
  kind: string;
  amount: number;
  currency: Currency;
  createdAt: Date;
  counterparty: PersonSummary | null;
  context: string;
  transferId?: string;
  packetId?: string;
};

export type HistoryFilter = { currency?: Currency; direction?: 'in' | 'out'; kind?: 'transfers' | 'redpackets' | 'topups' | 'payments' };

const kindsOf: Record<NonNullable<HistoryFilter['kind']>, string[]> = {
  transfers: ['transfer.sent', 'transfer.accepted', 'transfer.returned'],
  redpackets: ['redpacket.sent', 'redpacket.claimed', 'redpacket.returned'],
  topups: ['topup', 'promotion'],
  payments: ['charge', 'charge.refund'],
};

/** Every currency a person can hold, zero included, so the page always shows both. */
export async function getBalances(viewer: Viewer): Promise<{ currency: Currency; balance: number; held: number }[]> {
  const [wallet, holding] = await Promise.all([balancesOf(viewer.id, 'WALLET'), balancesOf(viewer.id, 'HOLDING')]);
  return currencies.map((currency) => ({
    currency,
    balance: wallet.find((row) => row.currency === currency)?.balance ?? 0,
    held: holding.find((row) => row.currency === currency)?.balance ?? 0,
  }));
}

/** The viewer's own wallet history, newest first, with the people involved named. */
export async function getHistory(viewer: Viewer, filter: HistoryFilter = {}, before?: string, take = 30): Promise<{ lines: WalletLine[]; next: string | null }> {
  const rows = await walletLines(viewer.id, {
    currency: filter.currency,
    direction: filter.direction,
    kinds: filter.kind ? kindsOf[filter.kind] : undefined,
    before: before && /^\d+$/.test(before) ? BigInt(before) : undefined,
    take: take + 1,
  });
  const page = rows.slice(0, take);
  const people = await getPeopleSummaries(viewer, page.flatMap((row) => (row.meta.counterpartyId ? [row.meta.counterpartyId] : [])));
  return {
    lines: page.map((row: LedgerLine) => ({
      id: String(row.entryId),
      kind: row.kind,
      amount: row.amount,
      currency: row.currency,
      createdAt: row.createdAt,
      counterparty: row.meta.counterpartyId ? (people.get(row.meta.counterpartyId) ?? null) : null,
      context: row.meta.context ?? '',
      transferId: row.meta.transferId,
      packetId: row.meta.packetId,
    })),
    next: rows.length > take ? String(page.at(-1)!.entryId) : null,
  };
}

/**
 * Gives a person money from the promotions account (demo balances, welcome credit). Only the
 * system grants: no person-facing action reaches this.
 */
export async function grantPromotion(viewer: SystemViewer | Viewer, personId: string, amount: number, currency: Currency, idempotencyKey: string): Promise<void> {
  if (viewer.kind !== 'system') throw forbidden();
  const { created } = await inTransaction((tx) =>
    post(tx, {
      idempotencyKey: `promotion:${idempotencyKey}`,
      kind: 'promotion',
      currency,
      meta: {},
      entries: [
        { account: { kind: 'PROMOTIONS' }, amount: -amount },
        { account: { kind: 'WALLET', ownerId: personId }, amount },
      ],
    }),
  );
  if (created) await publish(userChannel(personId), payEvents.balance, { currency });
}
