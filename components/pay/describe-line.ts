import type { WalletLine } from '@/lib/pay';

type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * A wallet line in words ("Red packet from Ana in Weekend hikers"), for the history and the
 * CSV statement alike. `t` is the `wallet` namespace's translator.
 */
export function describeLine(t: Translate, line: Pick<WalletLine, 'kind' | 'counterparty' | 'context'>): string {
  const name = line.counterparty?.name ?? t('someone');
  const context = line.context;
  switch (line.kind) {
    case 'transfer.sent':
      return t('lines.transferSent', { name });
    case 'transfer.accepted':
      return t('lines.transferAccepted', { name });
    case 'transfer.returned':
      return t('lines.transferReturned', { name });
    case 'redpacket.sent':
      return context ? t('lines.redpacketSentIn', { context }) : t('lines.redpacketSent');
    case 'redpacket.claimed':
      return context ? t('lines.redpacketClaimedIn', { name, context }) : t('lines.redpacketClaimed', { name });
    case 'redpacket.returned':
      return t('lines.redpacketReturned');
    case 'promotion':
      return t('lines.promotion');
    case 'topup':
      return t('lines.topup');
    case 'charge':
      return context ? t('lines.chargeFor', { context }) : t('lines.charge');
    case 'charge.refund':
      return context ? t('lines.chargeRefundFor', { context }) : t('lines.chargeRefund');
    default:
      return t('lines.other');
  }
}

/** Minor units as a plain decimal for spreadsheets: -1250 → "-12.50". */
export function minorToDecimal(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
