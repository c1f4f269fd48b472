import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/core/db';
import { fund, key, people } from '@/tests/support/pay-people';
import { refusal } from '@/tests/support/refusal';
import { startStripeFake, type StripeFake } from '@/tests/support/stripe-fake';
import { startTopUp } from './cards';
import { charge, getBalances, handleStripeWebhook, onChargeSettled, refund, checkLedger, type ChargeDto } from './index';

let fake: StripeFake;
let endpoint: Server;
let endpointUrl: string;

/** Plaza's webhook handler behind a real HTTP endpoint, which the fake delivers to. */
beforeAll(async () => {
  endpoint = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', async () => {
      const signature = request.headers['stripe-signature'];
      const answer = await handleStripeWebhook(raw, typeof signature === 'string' ? signature : null).catch(() => new Response(null, { status: 500 }));
      response.writeHead(answer.status).end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/webhook`;
  fake = await startStripeFake({ webhookUrl: endpointUrl });
  // Read once by lib/core/env.ts, on first use, which comes after this.
  Object.assign(process.env, { STRIPE_SECRET_KEY: fake.secretKey, STRIPE_WEBHOOK_SECRET: fake.webhookSecret, STRIPE_API_HOST: fake.host, STRIPE_API_PORT: String(fake.port), STRIPE_API_PROTOCOL: 'http' });
});

afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => endpoint.close(resolve));
  await db().$disconnect();
});

const usd = async (viewer: { id: string }) => (await getBalances(viewer as never)).find((row) => row.currency === 'USD')!.balance;
const sessionIdOf = (url: string) => url.split('/').at(-1)!;

describe('pay cards', () => {
  it('credits a top-up once, however often and however concurrently Stripe delivers the event', async () => {
    const [ana] = await people(1);
    const url = await startTopUp(ana!, { amount: 2500, currency: 'USD', key: key() }, 'http://plaza.test');
    const { event, statuses } = await fake.completeSession(sessionIdOf(url));
    expect(statuses).toEqual([200]);
    expect(await usd(ana!)).toBe(2500);
    expect(await fake.deliver(event, { times: 10, concurrently: true })).toEqual(Array(10).fill(200));
    expect(await usd(ana!)).toBe(2500);
    expect((await checkLedger()).problems).toEqual([]);
  });

  it('credits once for completed and async_payment_succeeded of one session, in either order', async () => {
    const [ana, bo] = await people(2);
    // In order: completed (not yet paid) changes nothing, async success credits.
    const first = await startTopUp(ana!, { amount: 1000, currency: 'USD', key: key() }, 'http://plaza.test');
    const completed = await fake.completeSession(sessionIdOf(first), { async: true });
    expect(await usd(ana!)).toBe(0);
    const succeeded = await fake.succeedAsyncPayment(sessionIdOf(first));
    expect(await usd(ana!)).toBe(1000);
    await fake.deliver(completed.event);
    await fake.deliver(succeeded.event, { times: 3, concurrently: true });
    expect(await usd(ana!)).toBe(1000);

    // Out of order: the success arrives before the completion; the end state is the same.
    fake.setWebhookUrl(undefined);
    const second = await startTopUp(bo!, { amount: 700, currency: 'USD', key: key() }, 'http://plaza.test');
    const late = await fake.completeSession(sessionIdOf(second), { async: true });
    const early = await fake.succeedAsyncPayment(sessionIdOf(second));
    fake.setWebhookUrl(endpointUrl);
    expect(await fake.deliver(early.event)).toEqual([200]);
    expect(await fake.deliver(late.event)).toEqual([200]);
    expect(await usd(bo!)).toBe(700);
  });

  it('refuses a bad or stale signature with 400 and changes nothing', async () => {
    const [ana] = await people(1);
    fake.setWebhookUrl(undefined);
    const url = await startTopUp(ana!, { amount: 900, currency: 'USD', key: key() }, 'http://plaza.test');
    const { event } = await fake.completeSession(sessionIdOf(url));
    fake.setWebhookUrl(endpointUrl);
    const payload = JSON.stringify(event);
    expect((await handleStripeWebhook(payload, 't=1,v1=deadbeef')).status).toBe(400);
    expect((await handleStripeWebhook(payload, null)).status).toBe(400);
    const stale = fake.signedHeader(payload, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect((await handleStripeWebhook(payload, stale)).status).toBe(400);
    expect((await handleStripeWebhook(payload.replace(event.id, 'evt_forged'), fake.signedHeader(payload))).status).toBe(400);
    expect(await usd(ana!)).toBe(0);
    expect((await handleStripeWebhook(payload, fake.signedHeader(payload))).status).toBe(200);
    expect(await usd(ana!)).toBe(900);
  });

  it('charges from the wallet when it suffices, by card otherwise, tells the caller when settled, and refunds to the source', async () => {
    const [buyer, seller] = await people(2);
    const settled: ChargeDto[] = [];
    onChargeSettled('market', (done) => void settled.push(done));
    await fund(buyer!, 3000);

    const fromWallet = await charge(buyer!, { payee: seller!.id, amount: 2000, currency: 'USD', purpose: 'market', reference: 'order-1', idempotencyKey: key() }, 'http://plaza.test');
    expect(fromWallet.charge).toMatchObject({ status: 'SETTLED', method: 'wallet', fee: 100 });
    expect(settled.map((item) => item.id)).toEqual([fromWallet.charge.id]);
    expect(await usd(buyer!)).toBe(1000);

    const byCard = await charge(buyer!, { payee: seller!.id, amount: 5000, currency: 'USD', purpose: 'market', reference: 'order-2', idempotencyKey: key() }, 'http://plaza.test');
    expect(byCard.charge.status).toBe('PENDING');
    expect(byCard.checkoutUrl).toContain(fake.url);
    await fake.completeSession(sessionIdOf(byCard.checkoutUrl!));
    expect(settled.map((item) => item.id)).toEqual([fromWallet.charge.id, byCard.charge.id]);
    expect(await usd(buyer!)).toBe(1000);

    // Partial then the rest: the wallet charge's money returns to the wallet, fee in proportion.
    expect((await refusal(refund(buyer!, { chargeId: fromWallet.charge.id, idempotencyKey: key() }))).code).toBe('FORBIDDEN');
    await refund(seller!, { chargeId: fromWallet.charge.id, amount: 500, idempotencyKey: key() });
    expect(await usd(buyer!)).toBe(1500);
    const whole = await refund(seller!, { chargeId: fromWallet.charge.id, idempotencyKey: key() });
    expect(whole.refunded).toBe(2000);
    expect(await usd(buyer!)).toBe(3000);
    expect((await refusal(refund(seller!, { chargeId: fromWallet.charge.id, amount: 1, idempotencyKey: key() }))).messageRef).toBe('pay.refundTooLarge');

    // The card charge goes back to the card through a Stripe refund.
    await refund(seller!, { chargeId: byCard.charge.id, amount: 1500, idempotencyKey: key() });
    expect(fake.requests.some((request) => request.method === 'POST' && request.path === '/v1/refunds' && request.body.amount === '1500')).toBe(true);
    expect(await usd(buyer!)).toBe(3000);
    expect((await checkLedger()).problems).toEqual([]);
  });
});
