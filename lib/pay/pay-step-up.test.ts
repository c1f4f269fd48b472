import { afterAll, afterEach, describe, expect, it } from 'vitest';

// This file proves the daily allowance at its default; the runner raises it for other files.
process.env.PAY_STEP_UP_PER_DAY_MINOR = '20000';

const { beginSession, recordStepUp } = await import('@/lib/account');
const { moveClock, resetClock } = await import('@/lib/core/clock');
const { db } = await import('@/lib/core/db');
const chat = await import('@/lib/chat/service');
const { sendRedPacket } = await import('@/lib/chat/payments');
const { befriend, person } = await import('@/tests/support/people');
const { fund, key, people } = await import('@/tests/support/pay-people');
const { refusal } = await import('@/tests/support/refusal');
const { acceptTransfer, claimRedPacket, createRedPacket, getBalances, transfer } = await import('./index');

type Viewer = import('@/lib/core/viewer').Viewer;

afterEach(() => resetClock());
afterAll(async () => {
  await db().$disconnect();
});

/** A signed-in device of `viewer`: a session row, as a sign-in makes one. */
async function onDevice(viewer: Viewer): Promise<Viewer> {
  return { ...viewer, sessionId: await beginSession(viewer.id, 'test device') };
}

const send = (from: Viewer, to: Viewer, amount: number) => transfer(from, { to: to.id, amount, currency: 'USD', idempotencyKey: key() });

describe('the daily allowance (200.00 in 24 hours) before money asks for the password', () => {
  it('lets exactly one of two parallel 150.00 transfers through without it', async () => {
    const [payer, a, b] = await people(3);
    await fund(payer!, 50_000);
    const device = await onDevice(payer!);
    const results = await Promise.allSettled([send(device, a!, 15_000), send(device, b!, 15_000)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'REAUTH_REQUIRED', fieldErrors: { password: 'pay.reauthRequired' } });
    // The refused one moved nothing.
    expect((await getBalances(payer!)).find((row) => row.currency === 'USD')).toMatchObject({ balance: 35_000, held: 15_000 });
  });

  it('asks for it before one red packet above the allowance, and not for five minutes after a confirmation on this device', async () => {
    const [sender, x, y] = await people(3);
    await fund(sender!, 100_000);
    const device = await onDevice(sender!);
    const packet = () => createRedPacket(device, { eligible: [x!.id, y!.id], shares: 2, total: 25_000, currency: 'USD', mode: 'equal', idempotencyKey: key() });
    expect((await refusal(packet())).code).toBe('REAUTH_REQUIRED');

    await recordStepUp(device);
    await expect(packet()).resolves.toMatchObject({ total: 25_000 });
    // Another device of the same person has proved nothing.
    expect((await refusal(send(await onDevice(sender!), x!, 100))).code).toBe('REAUTH_REQUIRED');
    moveClock(5 * 60 * 1000 + 1000);
    expect((await refusal(packet())).code).toBe('REAUTH_REQUIRED');
  });

  it('adds up many small sends, and forgets them after a day', async () => {
    const [payer, friend] = await people(2);
    await fund(payer!, 50_000);
    const device = await onDevice(payer!);
    for (let sent = 0; sent < 6; sent += 1) await send(device, friend!, 3_000);
    await send(device, friend!, 2_000);
    expect((await refusal(send(device, friend!, 1))).code).toBe('REAUTH_REQUIRED');
    moveClock(24 * 60 * 60 * 1000 + 60_000);
    await expect(send(device, friend!, 15_000)).resolves.toMatchObject({ amount: 15_000 });
  });

  it('does not count money coming in or coming back', async () => {
    const [payer, receiver] = await people(2);
    await fund(payer!, 50_000);
    const payerDevice = await onDevice(payer!);
    await recordStepUp(payerDevice);
    const sent = await send(payerDevice, receiver!, 30_000);
    const receiverDevice = await onDevice(receiver!);
    await acceptTransfer(receiverDevice, sent.id);
    // 300.00 came in: the receiver may still send 200.00 without a password.
    await expect(send(receiverDevice, payer!, 20_000)).resolves.toMatchObject({ amount: 20_000 });
  });
});

describe('money leaves only from a verified email', () => {
  it('refuses an unverified account, with the words to show', async () => {
    const [friend] = await people(1);
    const unverified = await onDevice(friend!);
    await db().user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: null } });
    await fund(unverified, 1_000);
    const refused = await refusal(send(unverified, (await people(1))[0]!, 100));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', messageRef: 'pay.verifyEmailToSend' });
  });
});

describe('red packets in a group', () => {
  it('cannot be claimed from the wallet by someone removed from the group; current members still can', async () => {
    const [ana, bo, cy] = [await person('rp'), await person('rp'), await person('rp')];
    for (const other of [bo, cy]) await befriend(ana, other);
    const { conversationId } = await chat.createGroup(ana, { title: 'Packets', memberIds: [bo.id, cy.id] });
    await fund(ana, 10_000);
    const message = await sendRedPacket(ana, { conversationId, clientId: key(), amount: 1_000, currency: 'USD', note: '', shares: 2, mode: 'equal' });
    await chat.removeMember(ana, { conversationId, memberId: bo.id });
    const paymentId = (await db().message.findUniqueOrThrow({ where: { id: message.id }, select: { paymentId: true } })).paymentId!;
    expect((await refusal(claimRedPacket(bo, paymentId))).code).toMatch(/NOT_FOUND|FORBIDDEN/);
    await expect(claimRedPacket(cy, paymentId)).resolves.toMatchObject({ amount: 500 });
  });
});
