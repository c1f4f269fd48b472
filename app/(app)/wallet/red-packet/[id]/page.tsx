import { getFormatter, getTranslations } from 'next-intl/server';
import { ClaimRedPacketButton } from '@/components/pay/claim-red-packet-button';
import { LiveWallet } from '@/components/pay/live-wallet';
import { PersonRow } from '@/components/account/person-row';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { getPeopleSummaries } from '@/lib/account';
import { now } from '@/lib/core/clock';
import { orNotFound } from '@/lib/core/page-guards';
import { requireViewer } from '@/lib/core/session';
import { getRedPacket } from '@/lib/pay';

export const generateMetadata = translatedTitle('walletPacket', 'title');

type Props = { params: Promise<{ id: string }> };

export default async function RedPacketPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  // Someone who is neither the sender nor among the chosen gets "not found", as for no packet at all.
  const packet = await orNotFound(getRedPacket(viewer, decodeURIComponent(id).slice(0, 40)));
  const [t, format, people] = await Promise.all([
    getTranslations('walletPacket'),
    getFormatter(),
    getPeopleSummaries(viewer, [packet.senderId, ...packet.claims.map((claim) => claim.personId)]),
  ]);
  const money = (amount: number) => format.number(amount / 100, { style: 'currency', currency: packet.currency });
  const mine = packet.claims.find((claim) => claim.personId === viewer.id);
  const left = packet.shareCount - packet.claims.length;
  const expired = packet.status === 'EXPIRED' || (left > 0 && packet.expiresAt <= now());
  const canClaim = !mine && !expired && left > 0 && packet.eligibleIds.includes(viewer.id);
  const sender = people.get(packet.senderId);
  const summary =
    packet.senderId === viewer.id
      ? t('fromYou', { amount: money(packet.total), count: packet.shareCount })
      : t('from', { name: sender?.name ?? '—', amount: money(packet.total), count: packet.shareCount });

  return (
    <>
      <LiveWallet />
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-md flex-col gap-5 p-4">
        <section className="flex flex-col items-center gap-2 rounded-2xl bg-[#c62828] p-6 text-center text-white">
          <p className="text-lg font-semibold">{summary}</p>
          {packet.context && <p className="text-sm">{t('contextLine', { context: packet.context })}</p>}
          {mine && <p className="text-3xl font-bold">{t('youGot', { amount: money(mine.amount) })}</p>}
        </section>
        <p role="status" className="text-center text-fg-muted">
          {left === 0
            ? t('allTaken')
            : expired
              ? t('expired')
              : t('left', { left, count: packet.shareCount, when: format.dateTime(packet.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
        </p>
        {canClaim && <ClaimRedPacketButton id={packet.id} />}
        <section aria-labelledby="packet-claims" className="flex flex-col gap-2">
          <h2 id="packet-claims" className="text-lg font-semibold">
            {t('who')}
          </h2>
          {packet.claims.length === 0 ? (
            <p className="text-fg-muted">{t('nobodyYet')}</p>
          ) : (
            <ul aria-labelledby="packet-claims" className="divide-y divide-line">
              {packet.claims.map((claim) => {
                const person = people.get(claim.personId);
                return person ? (
                  <PersonRow key={claim.personId} person={person}>
                    <span className="font-medium tabular-nums">{money(claim.amount)}</span>
                  </PersonRow>
                ) : null;
              })}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
