import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeClient } from '@/lib/pay/stripe';
import { startStripeFake, type StripeFake } from '@/tests/support/stripe-fake';
import { parseStripeForm } from '@/tests/support/stripe-fake/form';

let fake: StripeFake;
let stripe: Stripe;

const topUp = (overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  line_items: [{ price_data: { currency: 'usd', unit_amount: 1200, product_data: { name: 'Wallet top-up' } }, quantity: 1 }],
  success_url: 'http://plaza.test/wallet?checkout={CHECKOUT_SESSION_ID}',
  cancel_url: 'http://plaza.test/wallet',
  client_reference_id: 'user_1',
  metadata: { chargeId: 'charge_1' },
  payment_intent_data: { metadata: { chargeId: 'charge_1' } },
  ...overrides,
});

async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
}

beforeAll(async () => {
  fake = await startStripeFake({ webhookSecret: 'whsec_test_fake' });
  // No retries: a retry would hide whether the fake answered the first time.
  stripe = new Stripe(fake.secretKey, { host: fake.host, port: fake.port, protocol: fake.protocol, maxNetworkRetries: 0 });
});

afterAll(() => fake.close());

describe('Stripe form bodies', () => {
  it('nests brackets into objects and numbered segments into arrays, as the SDK encodes them', () => {
    const parsed = parseStripeForm('line_items[0][price_data][currency]=usd&line_items[0][quantity]=2&metadata[chargeId]=c1&payment_method_types[0]=card&expand[]=payment_intent');
    expect(parsed).toEqual({
      line_items: [{ price_data: { currency: 'usd' }, quantity: '2' }],
      metadata: { chargeId: 'c1' },
      payment_method_types: ['card'],
      expand: ['payment_intent'],
    });
  });
});

describe('Checkout Sessions through the real SDK', () => {
  it('creates, retrieves and expires a session, and records what was sent', async () => {
    const created = await stripe.checkout.sessions.create(topUp());
    expect(created).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 1200,
      currency: 'usd',
      client_reference_id: 'user_1',
      metadata: { chargeId: 'charge_1' },
      payment_intent: null,
    });
    expect(created.id).toMatch(/^cs_test_/);
    expect(created.url).toBe(`${fake.url}/pay/${created.id}`);

    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', status: 200 });
    expect(sent.idempotencyKey).toMatch(/^stripe-node-retry-/);
    expect(sent.body).toMatchObject({
      line_items: [{ price_data: { currency: 'usd', unit_amount: '1200', product_data: { name: 'Wallet top-up' } }, quantity: '1' }],
      payment_intent_data: { metadata: { chargeId: 'charge_1' } },
    });

    const retrieved = await stripe.checkout.sessions.retrieve(created.id);
    expect(retrieved).toEqual(created);

    const expired = await stripe.checkout.sessions.expire(created.id);
    expect(expired).toMatchObject({ id: created.id, status: 'expired', url: null });
    const again = await stripeError(stripe.checkout.sessions.expire(created.id));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again.statusCode).toBe(400);
  });

  it('answers an idempotent retry with the same session, and refuses the key for different parameters', async () => {
    const first = await stripe.checkout.sessions.create(topUp(), { idempotencyKey: 'top-up-charge-2' });
    const retry = await stripe.checkout.sessions.create(topUp(), { idempotencyKey: 'top-up-charge-2' });
    expect(retry.id).toBe(first.id);
    expect(fake.requests.at(-1)).toMatchObject({ idempotencyKey: 'top-up-charge-2', replayed: true });

    const conflict = await stripeError(
      stripe.checkout.sessions.create(topUp({ metadata: { chargeId: 'another' } }), { idempotencyKey: 'top-up-charge-2' }),
    );
    expect(conflict).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(conflict.type).toBe('StripeIdempotencyError');
  });

  it('refuses a wrong secret key with an authentication error', async () => {
    const wrongKey = new Stripe('sk_test_not_the_right_key_1234', { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 });
    const error = await stripeError(wrongKey.checkout.sessions.create(topUp()));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toContain('Invalid API Key provided: sk_test_');
    expect(error.message).not.toContain('not_the_right_key');
  });

  it.each([
    ['a missing quantity', { line_items: [{ price_data: { currency: 'usd', unit_amount: 1200, product_data: { name: 'x' } } }] }, 'line_items[0][quantity]'],
    ['an uppercase currency', { line_items: [{ price_data: { currency: 'USD', unit_amount: 1200, product_data: { name: 'x' } }, quantity: 1 }] }, 'line_items[0][price_data][currency]'],
    ['a zero amount', { line_items: [{ price_data: { currency: 'usd', unit_amount: 0, product_data: { name: 'x' } }, quantity: 1 }] }, 'line_items[0][price_data][unit_amount]'],
    ['a fractional amount', { line_items: [{ price_data: { currency: 'usd', unit_amount: 12.5, product_data: { name: 'x' } }, quantity: 1 }] }, 'line_items[0][price_data][unit_amount]'],
    ['no line items', { line_items: undefined }, 'line_items'],
    ['a total under the minimum charge', { line_items: [{ price_data: { currency: 'usd', unit_amount: 20, product_data: { name: 'x' } }, quantity: 1 }] }, 'line_items'],
    ['a relative success URL', { success_url: '/wallet' }, 'success_url'],
    ['an unknown parameter', { shipping_options_typo: 1 } as Partial<Stripe.Checkout.SessionCreateParams>, 'shipping_options_typo'],
  ] as const)('refuses %s, naming the parameter', async (_case, overrides, param) => {
    const error = await stripeError(stripe.checkout.sessions.create(topUp(overrides as Partial<Stripe.Checkout.SessionCreateParams>)));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(400);
    expect(error.param).toBe(param);
  });

  it('answers unknown ids with resource_missing', async () => {
    const error = await stripeError(stripe.checkout.sessions.retrieve('cs_test_nope'));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect((await stripeError(stripe.paymentIntents.retrieve('pi_nope'))).statusCode).toBe(404);
    expect((await stripeError(stripe.refunds.retrieve('re_nope'))).statusCode).toBe(404);
  });
});

describe('payments and refunds', () => {
  it('completes a session into a succeeded PaymentIntent and refunds it in parts, never beyond what was paid', async () => {
    const session = await stripe.checkout.sessions.create(topUp());
    await fake.completeSession(session.id);

    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 1200, amount_received: 1200, currency: 'usd', metadata: { chargeId: 'charge_1' } });
    expect(await stripe.paymentIntents.retrieve(intent.id)).toEqual(intent);

    const partial = await stripe.refunds.create({ payment_intent: intent.id, amount: 500, metadata: { refundId: 'refund_1' } });
    expect(partial).toMatchObject({ object: 'refund', amount: 500, currency: 'usd', status: 'succeeded', payment_intent: intent.id, metadata: { refundId: 'refund_1' } });
    expect(await stripe.refunds.retrieve(partial.id)).toEqual(partial);

    const tooMuch = await stripeError(stripe.refunds.create({ payment_intent: intent.id, amount: 800 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, param: 'amount', code: 'amount_too_large' });

    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(700);
    const twice = await stripeError(stripe.refunds.create({ payment_intent: intent.id }));
    expect(twice).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
  });

  it('refuses to refund a payment that has not succeeded, or one that does not exist', async () => {
    const session = await stripe.checkout.sessions.create(topUp());
    const { paymentIntent } = await fake.completeSession(session.id, { async: true });
    const notYet = await stripeError(stripe.refunds.create({ payment_intent: paymentIntent!.id }));
    expect(notYet).toMatchObject({ statusCode: 400, param: 'payment_intent' });
    const missing = await stripeError(stripe.refunds.create({ payment_intent: 'pi_missing' }));
    expect(missing).toMatchObject({ code: 'resource_missing', param: 'payment_intent' });
    const noTarget = await stripeError(stripe.refunds.create({ amount: 100 }));
    expect(noTarget).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });
});

describe("Plaza's client factory", () => {
  it('points the SDK at the configured host, port and protocol', async () => {
    const client = createStripeClient({ secretKey: fake.secretKey, host: fake.host, port: fake.port, protocol: 'http' });
    const session = await client.checkout.sessions.create(topUp());
    expect(fake.requests.at(-1)).toMatchObject({ path: '/v1/checkout/sessions', status: 200 });
    expect(session.url).toContain(fake.url);
  });
});

describe('the fake on its own', () => {
  it('starts from main.ts, prints where it listens, and serves the API with the given key', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/stripe-fake/main.ts'], {
      env: { ...process.env, PORT: '0', STRIPE_SECRET_KEY: 'sk_test_standalone_fake', STRIPE_WEBHOOK_SECRET: 'whsec_standalone' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          if (output.includes('\n')) resolve(output.split('\n')[0]!);
        });
        child.once('exit', (code) => reject(new Error(`the fake exited with ${code}`)));
      });
      const printed = JSON.parse(line) as { url: string; port: number; secretKey: string; webhookSecret: string };
      expect(printed).toMatchObject({ secretKey: 'sk_test_standalone_fake', webhookSecret: 'whsec_standalone' });
      const standalone = new Stripe(printed.secretKey, { host: '127.0.0.1', port: printed.port, protocol: 'http', maxNetworkRetries: 0 });
      const session = await standalone.checkout.sessions.create(topUp());
      expect(session.url).toBe(`${printed.url}/pay/${session.id}`);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
