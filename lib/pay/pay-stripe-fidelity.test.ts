import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeClient } from '@/lib/pay/stripe';
import { startStripeFake, type StripeFake } from '@/tests/support/stripe-fake';

/**
 * Stripe's own example objects (stripe-mock's fixtures3.json) sit beside the checkout in CI,
 * at ../shared/stripe/ from the repository root; a fresh clone has no such file and skips.
 */
const fixturesPath = fileURLToPath(new URL('../../../shared/stripe/fixtures3.json', import.meta.url));
const haveFixtures = existsSync(fixturesPath);

const realKey = process.env.STRIPE_SECRET_KEY ?? '';
const realStripe = realKey.startsWith('sk_test_') && !process.env.STRIPE_API_HOST;

let fake: StripeFake;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startStripeFake();
  stripe = createStripeClient({ secretKey: fake.secretKey, host: fake.host, port: fake.port, protocol: 'http' });
});

afterAll(() => fake.close());

type Resource = Record<string, unknown>;

/** Keys Stripe's example has that the fake's object lacks, and keys whose kind of value differs. */
function differences(example: Resource, ours: object): { missing: string[]; mistyped: string[] } {
  const kind = (value: unknown) => (Array.isArray(value) ? 'array' : typeof value);
  const mine = ours as Resource;
  return {
    missing: Object.keys(example).filter((key) => !(key in mine)),
    mistyped: Object.keys(example).filter(
      (key) => key in mine && example[key] !== null && mine[key] !== null && kind(example[key]) !== kind(mine[key]),
    ),
  };
}

describe("the fake's objects against Stripe's published examples", () => {
  const fidelityTitle = "carry every top-level field Stripe's fixtures do, with the same kind of value";
  it.skipIf(!haveFixtures)(haveFixtures ? fidelityTitle : `${fidelityTitle} — skipped: no ${fixturesPath} beside this checkout`, async () => {
    const { resources } = JSON.parse(readFileSync(fixturesPath, 'utf8')) as { resources: Record<string, Resource> };
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 1200, product_data: { name: 'Wallet top-up' } }, quantity: 1 }],
      success_url: 'http://plaza.test/ok',
    });
    const { session: completed, paymentIntent, event } = await fake.completeSession(session.id);
    const refund = await stripe.refunds.create({ payment_intent: paymentIntent!.id, amount: 100 });

    const pairs: Array<[string, object]> = [
      ['checkout.session', session],
      ['checkout.session', completed],
      ['payment_intent', paymentIntent!],
      ['refund', refund],
      ['event', event],
    ];
    for (const [name, ours] of pairs) {
      const example = resources[name];
      expect(example, `fixtures3.json has ${name}`).toBeDefined();
      expect(differences(example!, ours), name).toEqual({ missing: [], mistyped: [] });
      expect((ours as Resource).object).toBe(example!.object);
    }
  });
});

describe('real Stripe test mode (opt-in)', () => {
  const realTitle = 'creates, reads and expires a Checkout Session with the fields the fake sends';
  it.skipIf(!realStripe)(realStripe ? realTitle : `${realTitle} — skipped: needs STRIPE_SECRET_KEY=sk_test_… and no STRIPE_API_HOST`, async () => {
    const real = createStripeClient({ secretKey: realKey });
    const session = await real.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 1200, product_data: { name: 'Plaza wallet top-up (test)' } }, quantity: 1 }],
      success_url: 'https://example.com/wallet?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://example.com/wallet',
      metadata: { chargeId: 'plaza-conformance' },
    });
    expect(session).toMatchObject({ status: 'open', payment_status: 'unpaid', amount_total: 1200, currency: 'usd', livemode: false });
    // The fake must answer with the same fields real Stripe does.
    const ours = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 1200, product_data: { name: 'x' } }, quantity: 1 }],
    });
    expect(Object.keys(ours).filter((key) => !(key in session))).toEqual([]);
    expect(Object.keys(session).filter((key) => !(key in ours))).toEqual([]);
    expect((await real.checkout.sessions.expire(session.id)).status).toBe('expired');
  });
});
