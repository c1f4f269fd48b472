import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/core/db';
import { refusal } from '@/tests/support/refusal';
import { fund, key, people } from '@/tests/support/pay-people';
import { balancesOf, checkLedger, inTransaction, post, reverse } from './ledger';
import { acceptTransfer, getBalances, getHistory, transfer } from './index';

afterAll(async () => {
  await db().$disconnect();
});

describe('pay ledger', () => {
  it('refuses postings that do not balance or mix nothing', async () => {
    const [ana] = await people(1);
    const unbalanced = inTransaction((tx) =>
      post(tx, { idempotencyKey: key(), kind: 'test', currency: 'USD', entries: [{ account: { kind: 'PROMOTIONS' }, amount: -5 }, { account: { kind: 'WALLET', ownerId: ana!.id }, amount: 4 }] }),
    );
    await expect(unbalanced).rejects.toThrow(/does not balance/);
    const fractional = inTransaction((tx) =>
      post(tx, { idempotencyKey: key(), kind: 'test', currency: 'USD', entries: [{ account: { kind: 'PROMOTIONS' }, amount: -0.5 }, { account: { kind: 'WALLET', ownerId: ana!.id }, amount: 0.5 }] }),
    );
    await expect(fractional).rejects.toThrow(/integers/);
    expect(await balancesOf(ana!.id)).toEqual([]);
  });

  it('writes a posting once per idempotency key, even when asked concurrently', async () => {
    const [ana] = await people(1);
    const idempotencyKey = key();
    const once = () =>
      inTransaction((tx) =>
        post(tx, { idempotencyKey, kind: 'promotion', currency: 'EUR', entries: [{ account: { kind: 'PROMOTIONS' }, amount: -700 }, { account: { kind: 'WALLET', ownerId: ana!.id }, amount: 700 }] }),
      );
    const results = await Promise.all(Array.from({ length: 8 }, once));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await balancesOf(ana!.id)).toEqual([{ currency: 'EUR', balance: 700 }]);
  });

  it('never lets a person’s account go below zero, and a reversal undoes a posting exactly once', async () => {
    const [ana] = await people(1);
    await fund(ana!, 300);
    const overdraw = inTransaction((tx) =>
      post(tx, { idempotencyKey: key(), kind: 'test', currency: 'USD', entries: [{ account: { kind: 'WALLET', ownerId: ana!.id }, amount: -301 }, { account: { kind: 'PLATFORM_REVENUE' }, amount: 301 }] }),
    );
    expect((await refusal(overdraw)).messageRef).toBe('pay.insufficientFunds');
    // The constraint holds even if code forgot to check.
    await expect(db().$executeRaw`UPDATE "LedgerAccount" SET balance = -1 WHERE "ownerId" = ${ana!.id}`).rejects.toThrow();

    const { postingId } = await inTransaction((tx) =>
      post(tx, { idempotencyKey: key(), kind: 'test', currency: 'USD', entries: [{ account: { kind: 'WALLET', ownerId: ana!.id }, amount: -100 }, { account: { kind: 'PLATFORM_REVENUE' }, amount: 100 }] }),
    );
    expect((await balancesOf(ana!.id))[0]!.balance).toBe(200);
    const reversalKey = key();
    await inTransaction((tx) => reverse(tx, postingId, reversalKey, 'test.reversed'));
    await inTransaction((tx) => reverse(tx, postingId, reversalKey, 'test.reversed'));
    expect((await balancesOf(ana!.id))[0]!.balance).toBe(300);
    expect((await checkLedger()).problems).toEqual([]);
  });
});

describe('pay transfers', () => {
  it('holds the money until the receiver accepts, then shows it in both histories in words', async () => {
    const [ana, bo] = await people(2);
    await fund(ana!, 5000);
    const sent = await transfer(ana!, { to: bo!.id, amount: 1250, currency: 'USD', note: 'lunch', context: 'Weekend hikers', idempotencyKey: key() });
    expect(sent.status).toBe('PENDING');
    expect((await getBalances(ana!)).find((row) => row.currency === 'USD')).toMatchObject({ balance: 3750, held: 1250 });
    expect((await getBalances(bo!)).find((row) => row.currency === 'USD')!.balance).toBe(0);

    expect((await refusal(acceptTransfer(ana!, sent.id))).code).toBe('FORBIDDEN');
    await acceptTransfer(bo!, sent.id);
    expect((await refusal(acceptTransfer(bo!, sent.id))).messageRef).toBe('pay.transferSettled');
    expect((await getBalances(bo!)).find((row) => row.currency === 'USD')!.balance).toBe(1250);
    expect((await getBalances(ana!)).find((row) => row.currency === 'USD')).toMatchObject({ balance: 3750, held: 0 });

    const history = await getHistory(bo!);
    expect(history.lines[0]).toMatchObject({ kind: 'transfer.accepted', amount: 1250, context: 'Weekend hikers', counterparty: { id: ana!.id } });
  });

  it('rejects other people’s money and malformed amounts with a clear message', async () => {
    const [ana, bo] = await people(2);
    await fund(ana!, 1000);
    const attempt = (amount: unknown, currency: unknown = 'USD') =>
      refusal(transfer(ana!, { to: bo!.id, amount: amount as number, currency: currency as 'USD', idempotencyKey: key() }));
    expect((await attempt(0)).fieldErrors.amount).toBe('pay.amountPositive');
    expect((await attempt(-5)).fieldErrors.amount).toBe('pay.amountPositive');
    expect((await attempt(1.5)).fieldErrors.amount).toBe('pay.amountFraction');
    expect((await attempt(10 ** 12)).fieldErrors.amount).toBe('pay.amountTooLarge');
    expect((await attempt(100, 'GBP')).fieldErrors.currency).toBe('pay.currencyUnknown');
    expect((await attempt(100, 'EUR')).messageRef).toBe('pay.insufficientFunds');
    expect((await attempt(1001)).messageRef).toBe('pay.insufficientFunds');
    expect((await refusal(transfer(ana!, { to: ana!.id, amount: 1, currency: 'USD', idempotencyKey: key() }))).fieldErrors.to).toBe('pay.toSelf');
    expect((await refusal(transfer(ana!, { to: 'nobody-at-all', amount: 1, currency: 'USD', idempotencyKey: key() }))).code).toBe('NOT_FOUND');
    // Nothing moved.
    expect((await getBalances(ana!)).find((row) => row.currency === 'USD')).toMatchObject({ balance: 1000, held: 0 });
  });
});
