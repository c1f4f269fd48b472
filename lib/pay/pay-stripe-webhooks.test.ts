import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/core/errors';
import { createStripeClient, verifyStripeWebhook } from '@/lib/pay/stripe';
import { startStripeFake, type StripeFake } from '@/tests/support/stripe-fake';

/** A webhook endpoint that verifies every delivery as Plaza's route will, and keeps what it accepted. */
type Received = { event: Stripe.Event } | { refused: unknown };

let fake: StripeFake;
let stripe: Stripe;
let endpoint: Server;
let received: Received[] = [];

const accepted = () => received.flatMap((entry) => ('event' in entry ? [entry.event] : []));

async function newSession() {
  return stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price_data: { currency: 'usd', unit_amount: 1200, product_data: { name: 'Wallet top-up' } }, quantity: 1 }],
    success_url: 'http://plaza.test/wallet?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://plaza.test/wallet?cancelled=1',
    metadata: { chargeId: 'charge_9' },
  });
}

beforeAll(async () => {
  endpoint = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      try {
        const signature = req.headers['stripe-signature'];
        received.push({ event: verifyStripeWebhook(raw, typeof signature === 'string' ? signature : null, fake.webhookSecret) });
        res.writeHead(200).end();
      } catch (error) {
        received.push({ refused: error });
        res.writeHead(error instanceof AppError ? 400 : 500).end();
      }
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  fake = await startStripeFake({ webhookUrl: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/webhook` });
  stripe = createStripeClient({ secretKey: fake.secretKey, host: fake.host, port: fake.port, protocol: 'http' });
});

beforeEach(() => {
  received = [];
});

afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => endpoint.close(resolve));
});

describe('webhooks from the fake', () => {
  it('sends checkout.session.completed signed so that verifyStripeWebhook accepts it', async () => {
    const session = await newSession();
    const { statuses, event } = await fake.completeSession(session.id);
    expect(statuses).toEqual([200]);
    expect(accepted()).toHaveLength(1);
    const delivered = accepted()[0]!;
    expect(delivered).toMatchObject({ id: event.id, type: 'checkout.session.completed', object: 'event', livemode: false });
    expect(delivered.data.object).toMatchObject({ id: session.id, payment_status: 'paid', metadata: { chargeId: 'charge_9' } });
    // Plaza trusts only the id and fetches the event back from Stripe.
    expect(await stripe.events.retrieve(event.id)).toEqual(delivered);
  });

  it('refuses a tampered body, a stale signature, a foreign secret and a missing header', async () => {
    const session = await newSession();
    const event = fake.eventFor('checkout.session.completed', { ...(await stripe.checkout.sessions.retrieve(session.id)), payment_status: 'paid' });
    const payload = JSON.stringify(event, null, 2);
    expect(verifyStripeWebhook(payload, fake.signedHeader(payload), fake.webhookSecret).id).toBe(event.id);

    const refusals = [
      () => verifyStripeWebhook(payload.replace('"paid"', '"unpaid"'), fake.signedHeader(payload), fake.webhookSecret),
      () => verifyStripeWebhook(payload, fake.signedHeader(payload, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 }), fake.webhookSecret),
      () => verifyStripeWebhook(payload, fake.signedHeader(payload, { secret: 'whsec_someone_else' }), fake.webhookSecret),
      () => verifyStripeWebhook(payload, null, fake.webhookSecret),
      () => verifyStripeWebhook(payload, 'garbage', fake.webhookSecret),
    ];
    for (const refuse of refusals) {
      expect(refuse).toThrow(AppError);
      expect(refuse).toThrow(expect.objectContaining({ code: 'INVALID', messageRef: 'pay.webhookInvalid' }));
    }
  });

  it('redelivers the same event as often as asked, one after another or all at once', async () => {
    const session = await newSession();
    const event = fake.eventFor('checkout.session.completed', await stripe.checkout.sessions.retrieve(session.id));
    expect(await fake.deliver(event, { times: 3 })).toEqual([200, 200, 200]);
    expect(await fake.deliver(event, { times: 4, concurrently: true })).toEqual([200, 200, 200, 200]);
    expect(new Set(accepted().map((delivered) => delivered.id))).toEqual(new Set([event.id]));
    expect(accepted()).toHaveLength(7);
    expect(fake.deliveries.at(-1)).toEqual({ eventId: event.id, type: 'checkout.session.completed', statuses: [200, 200, 200, 200] });
  });

  it('settles a delayed payment later: completed unpaid, then async_payment_succeeded or _failed', async () => {
    const later = await newSession();
    const completed = await fake.completeSession(later.id, { async: true });
    expect(completed.session.payment_status).toBe('unpaid');
    expect(completed.paymentIntent?.status).toBe('processing');
    const succeeded = await fake.succeedAsyncPayment(later.id);
    expect(succeeded.event.type).toBe('checkout.session.async_payment_succeeded');
    expect((await stripe.checkout.sessions.retrieve(later.id)).payment_status).toBe('paid');
    expect((await stripe.paymentIntents.retrieve(completed.paymentIntent!.id)).status).toBe('succeeded');

    const failing = await newSession();
    await fake.completeSession(failing.id, { async: true });
    const failed = await fake.failAsyncPayment(failing.id);
    expect(failed.event.type).toBe('checkout.session.async_payment_failed');
    expect(failed.session.payment_status).toBe('unpaid');
    await expect(fake.succeedAsyncPayment(failing.id)).rejects.toThrow(/not waiting/);
    expect(accepted().map((delivered) => delivered.type)).toEqual([
      'checkout.session.completed',
      'checkout.session.async_payment_succeeded',
      'checkout.session.completed',
      'checkout.session.async_payment_failed',
    ]);
  });

  it('announces expiry, whether Plaza expires the session or it runs out', async () => {
    const byPlaza = await newSession();
    await stripe.checkout.sessions.expire(byPlaza.id);
    await fake.idle();
    const byTime = await newSession();
    const { statuses } = await fake.expireSession(byTime.id);
    expect(statuses).toEqual([200]);
    expect(accepted().map((delivered) => [delivered.type, (delivered.data.object as Stripe.Checkout.Session).id])).toEqual([
      ['checkout.session.expired', byPlaza.id],
      ['checkout.session.expired', byTime.id],
    ]);
    await expect(fake.completeSession(byTime.id)).rejects.toThrow(/expired/);
  });
});

describe('the hosted checkout page', () => {
  it('shows the amount, and "Pay" completes the session, notifies Plaza and returns to success_url', async () => {
    const session = await newSession();
    const page = await fetch(session.url!);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Pay $12.00 to Plaza');
    expect(html).toMatch(/<button type="submit">Pay<\/button>/);
    expect(html).toMatch(/<button type="submit">Cancel<\/button>/);

    const paid = await fetch(`${fake.url}/pay/${session.id}/confirm`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://plaza.test/wallet?session=${session.id}`);
    expect(accepted().map((delivered) => delivered.type)).toEqual(['checkout.session.completed']);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');
    expect((await fetch(session.url!)).status).toBe(410);
  });

  it('"Cancel" goes back to cancel_url and leaves the session open', async () => {
    const session = await newSession();
    const cancelled = await fetch(`${fake.url}/pay/${session.id}/cancel`, { method: 'POST', redirect: 'manual' });
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe('http://plaza.test/wallet?cancelled=1');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    expect(accepted()).toEqual([]);
  });
});

describe('configuration', () => {
  it('has no client without STRIPE_SECRET_KEY, and one aimed at STRIPE_API_HOST/PORT/PROTOCOL with it', async () => {
    vi.resetModules();
    vi.stubEnv('DATABASE_URL', 'postgresql://localhost/unused');
    vi.stubEnv('STRIPE_SECRET_KEY', '');
    const without = await import('@/lib/pay/stripe');
    expect(without.stripeClient()).toBeNull();
    expect(without.cardPaymentsAvailable()).toBe(false);
    expect(() => without.requireStripeClient()).toThrow(expect.objectContaining({ code: 'INVALID', messageRef: 'pay.cardPaymentsUnavailable' }));
    expect(() => without.verifyStripeWebhook('{}', 't=1,v1=x')).toThrow(/STRIPE_WEBHOOK_SECRET is not set/);

    vi.resetModules();
    vi.stubEnv('STRIPE_SECRET_KEY', fake.secretKey);
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', fake.webhookSecret);
    vi.stubEnv('STRIPE_API_HOST', fake.host);
    vi.stubEnv('STRIPE_API_PORT', String(fake.port));
    vi.stubEnv('STRIPE_API_PROTOCOL', 'http');
    const configured = await import('@/lib/pay/stripe');
    const client = configured.stripeClient();
    expect(client).not.toBeNull();
    expect(configured.stripeClient()).toBe(client);
    const session = await client!.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'eur', unit_amount: 990, product_data: { name: 'Top-up' } }, quantity: 2 }],
    });
    expect(session.amount_total).toBe(1980);
    const payload = JSON.stringify(fake.eventFor('checkout.session.expired', session));
    expect(configured.verifyStripeWebhook(payload, fake.signedHeader(payload)).type).toBe('checkout.session.expired');
    vi.unstubAllEnvs();
  });

  it('answers webhooks with 503 and a plain reason while STRIPE_WEBHOOK_SECRET is unset, saying so once in the log', async () => {
    vi.resetModules();
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { handleStripeWebhook } = await import('@/lib/pay/cards');
      const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'checkout.session.completed' });
      for (const signature of [fake.signedHeader(payload), null]) {
        const answer = await handleStripeWebhook(payload, signature);
        expect(answer.status).toBe(503);
        expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await answer.text()).toBe('Stripe webhooks are not configured: set STRIPE_WEBHOOK_SECRET');
      }
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0]![0])).toContain('STRIPE_WEBHOOK_SECRET');
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
