import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { moveClock, resetClock } from '@/lib/core/clock';
import { db } from '@/lib/core/db';
import { runDueJobs } from '@/lib/core/jobs';
import { listMyNotifications } from '@/lib/notify';
import { fund, key, people } from '@/tests/support/pay-people';
import { refusal } from '@/tests/support/refusal';
import { acceptTransfer, checkLedger, claimRedPacket, createRedPacket, getBalances, getRedPacket, getTransfer, onRedPacketChanged, onTransferChanged, transfer, type RedPacketChange, type TransferChange } from './index';
import './jobs';
import { redPacketExpireJob } from './red-packets';
import { transferReturnJob } from './transfers';

/** This test's own jobs only: other test files' transfers are not for this clock to expire. */
const jobsOf = (transferIds: string[], packetIds: string[]) => ({
  kinds: [transferReturnJob, redPacketExpireJob],
  dedupeKeys: [...transferIds.map((id) => `${transferReturnJob}:${id}`), ...packetIds.map((id) => `${redPacketExpireJob}:${id}`)],
});
const usd = async (viewer: Parameters<typeof getBalances>[0]) => (await getBalances(viewer)).find((row) => row.currency === 'USD')!;

// What other domains (chat) hear, whoever made the change: a person or a job.
const transferChanges: TransferChange[] = [];
const packetChanges: RedPacketChange[] = [];
onTransferChanged((change) => void transferChanges.push(change));
onRedPacketChanged((change) => void packetChanges.push(change));
const heardOf = (id: string) => [...transferChanges.filter((c) => c.transfer.id === id).map((c) => c.change), ...packetChanges.filter((c) => c.packet.id === id).map((c) => c.change)];

afterEach(() => resetClock());
afterAll(async () => {
  await db().$disconnect();
});

describe('pay expiry through the job queue', () => {
  it('tells listeners when a transfer is accepted', async () => {
    const [ana, bo] = await people(2);
    await fund(ana!, 500);
    const sent = await transfer(ana!, { to: bo!.id, amount: 200, currency: 'USD', idempotencyKey: key() });
    await acceptTransfer(bo!, sent.id);
    expect(heardOf(sent.id)).toEqual(['sent', 'accepted']);
  });

  it('returns a transfer nobody accepted within 24 hours, and then it can no longer be accepted', async () => {
    const [ana, bo] = await people(2);
    await fund(ana!, 1000);
    const sent = await transfer(ana!, { to: bo!.id, amount: 400, currency: 'USD', idempotencyKey: key() });
    const payJobs = jobsOf([sent.id], []);
    expect(await runDueJobs(payJobs)).toBe(0);
    expect((await getTransfer(ana!, sent.id)).status).toBe('PENDING');

    moveClock(24 * 60 * 60 * 1000 + 1000);
    expect(await runDueJobs(payJobs)).toBe(1);
    expect((await getTransfer(ana!, sent.id)).status).toBe('RETURNED');
    expect(await usd(ana!)).toMatchObject({ balance: 1000, held: 0 });
    expect((await refusal(acceptTransfer(bo!, sent.id))).messageRef).toBe('pay.transferSettled');
    expect((await listMyNotifications(ana!)).items.map((item) => item.kind)).toContain('transfer.returned');
    expect(heardOf(sent.id)).toEqual(['sent', 'returned']);
  });

  it('returns what nobody claimed of a red packet after 24 hours, and no share can be taken after', async () => {
    const [ana, bo, cy] = await people(3);
    await fund(ana!, 1000);
    const packet = await createRedPacket(ana!, { eligible: [bo!.id, cy!.id], shares: 2, total: 600, currency: 'USD', mode: 'equal', idempotencyKey: key() });
    const { amount } = await claimRedPacket(bo!, packet.id);
    expect(amount).toBe(300);

    moveClock(24 * 60 * 60 * 1000 + 1000);
    expect(await runDueJobs(jobsOf([], [packet.id]))).toBe(1);
    expect((await getRedPacket(ana!, packet.id)).status).toBe('EXPIRED');
    expect(await usd(ana!)).toMatchObject({ balance: 700, held: 0 });
    expect((await refusal(claimRedPacket(cy!, packet.id))).messageRef).toBe('pay.packetExpired');
    expect(heardOf(packet.id)).toEqual(['created', 'claimed', 'expired']);
    expect((await checkLedger()).problems).toEqual([]);
  });
});
