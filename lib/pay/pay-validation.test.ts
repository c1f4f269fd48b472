import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/core/db';
import { fund, key, people } from '@/tests/support/pay-people';
import { refusal } from '@/tests/support/refusal';
import { acceptTransfer, charge, claimRedPacket, createRedPacket, getBalances, getRedPacket, getTransfer, refund, transfer } from './index';

afterAll(async () => {
  await db().$disconnect();
});

const malformed: [unknown, string][] = [
  [0, 'pay.amountPositive'],
  [-100, 'pay.amountPositive'],
  [12.5, 'pay.amountFraction'],
  [Number.MAX_SAFE_INTEGER, 'pay.amountTooLarge'],
  ['100', 'pay.amountInvalid'],
];

describe('pay refuses what is not theirs or not money', () => {
  it('red packets refuse malformed totals, too many shares for the total, and unknown currencies', async () => {
    const [ana, bo] = await people(2);
    await fund(ana!, 10_000);
    const packet = (total: unknown, extra: object = {}) =>
      refusal(createRedPacket(ana!, { eligible: [bo!.id], shares: 1, total: total as number, currency: 'USD', mode: 'equal', idempotencyKey: key(), ...extra }));
    for (const [amount, message] of malformed) expect((await packet(amount)).fieldErrors.total, String(amount)).toBe(message);
    expect((await packet(5, { shares: 6 })).fieldErrors.total).toBe('pay.packetTooSmall');
    expect((await packet(500, { currency: 'JPY' })).fieldErrors.currency).toBe('pay.currencyUnknown');
    expect((await packet(500, { eligible: [] })).fieldErrors.eligible).toBe('pay.packetNobody');
    expect((await packet(500, { eligible: ['someone-who-does-not-exist'] })).fieldErrors.eligible).toBe('pay.packetNobody');
    expect((await getBalances(ana!)).find((row) => row.currency === 'USD')).toMatchObject({ balance: 10_000, held: 0 });
  });

  it('charges refuse malformed amounts and paying oneself; nobody but the payee refunds', async () => {
    const [buyer, seller, stranger] = await people(3);
    await fund(buyer!, 10_000);
    const pay = (amount: unknown, extra: object = {}) =>
      refusal(charge(buyer!, { payee: seller!.id, amount: amount as number, currency: 'USD', purpose: 'market', reference: 'order', idempotencyKey: key(), ...extra }, 'http://plaza.test'));
    for (const [amount, message] of malformed) expect((await pay(amount)).fieldErrors.amount, String(amount)).toBe(message);
    expect((await pay(100, { payee: buyer!.id })).fieldErrors.payee).toBe('pay.toSelf');
    expect((await pay(100, { currency: 'usd' })).fieldErrors.currency).toBe('pay.currencyUnknown');

    const { charge: paid } = await charge(buyer!, { payee: seller!.id, amount: 1000, currency: 'USD', purpose: 'market', reference: 'order', idempotencyKey: key() }, 'http://plaza.test');
    expect((await refusal(refund(stranger!, { chargeId: paid.id, idempotencyKey: key() }))).code).toBe('NOT_FOUND');
    expect((await refusal(refund(seller!, { chargeId: paid.id, amount: 0, idempotencyKey: key() }))).fieldErrors.amount).toBe('pay.amountPositive');
    expect((await refusal(refund(seller!, { chargeId: paid.id, amount: 1001, idempotencyKey: key() }))).messageRef).toBe('pay.refundTooLarge');
  });

  it('transfers and red packets are invisible to everyone but the people in them', async () => {
    const [ana, bo, stranger] = await people(3);
    await fund(ana!, 1000);
    const sent = await transfer(ana!, { to: bo!.id, amount: 100, currency: 'USD', idempotencyKey: key() });
    expect((await refusal(getTransfer(stranger!, sent.id))).code).toBe('NOT_FOUND');
    expect((await refusal(acceptTransfer(stranger!, sent.id))).code).toBe('NOT_FOUND');
    const packet = await createRedPacket(ana!, { eligible: [bo!.id], shares: 1, total: 100, currency: 'USD', mode: 'equal', idempotencyKey: key() });
    expect((await refusal(getRedPacket(stranger!, packet.id))).code).toBe('NOT_FOUND');
    expect((await refusal(claimRedPacket(stranger!, packet.id))).code).toBe('NOT_FOUND');
    expect((await refusal(claimRedPacket(ana!, packet.id))).code).toBe('FORBIDDEN');
  });
});
