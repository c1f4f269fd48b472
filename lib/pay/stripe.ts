import 'server-only';
import Stripe from 'stripe';
import { now } from '@/lib/core/clock';
import { env } from '@/lib/core/env';
import { AppError } from '@/lib/core/errors';

/**
 * Plaza's only door to Stripe. Everything else in `pay` goes through here, so the SDK's
 * settings (where it connects, how patiently it retries) live in one place.
 */

export type StripeSettings = {
  secretKey: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
};

/** A POST that timed out is retried with the same idempotency key, so retries cannot double-charge. */
const maxNetworkRetries = 2;
// A person is waiting on the other side of a checkout redirect: fail rather than hang.
const timeoutMs = 20_000;

export function createStripeClient({ secretKey, host, port, protocol }: StripeSettings): Stripe {
  return new Stripe(secretKey, {
    maxNetworkRetries,
    timeout: timeoutMs,
    appInfo: { name: 'Plaza' },
    ...(host ? { host } : {}),
    ...(port ? { port } : {}),
    ...(protocol ? { protocol } : {}),
    // Latency telemetry means nothing to a local fake or stripe-mock.
    telemetry: !host,
  });
}

let cached: { key: string; client: Stripe } | undefined;

/** The configured client, or null when STRIPE_SECRET_KEY is unset (card payments are then off). */
export function stripeClient(): Stripe | null {
  const config = env();
  const secretKey = config.STRIPE_SECRET_KEY;
  if (!secretKey) return null;
  const settings: StripeSettings = {
    secretKey,
    host: config.STRIPE_API_HOST,
    port: config.STRIPE_API_PORT,
    protocol: config.STRIPE_API_PROTOCOL,
  };
  const key = JSON.stringify(settings);
  if (cached?.key !== key) cached = { key, client: createStripeClient(settings) };
  return cached.client;
}

export function cardPaymentsAvailable(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}

/** For use cases that cannot go on without cards: a clear error instead of a crash. */
export function requireStripeClient(): Stripe {
  const client = stripeClient();
  if (!client) throw new AppError('INVALID', 'pay.cardPaymentsUnavailable');
  return client;
}

export function stripeWebhookSecret(): string | undefined {
  return env().STRIPE_WEBHOOK_SECRET;
}

/**
 * Checks a webhook's `Stripe-Signature` against the raw request body (as received, before any
 * JSON parsing) and returns the event. A bad, missing or stale signature is refused with an
 * INVALID AppError (answer 400: Stripe stops retrying a delivery only on 2xx, and a forged one
 * should not be retried). Missing configuration is a plain Error, not the sender's fault; the
 * webhook route answers it with a 503 before it gets here.
 */
export function verifyStripeWebhook(rawBody: string, signature: string | null, secret = stripeWebhookSecret()): Stripe.Event {
  if (!secret) throw new Error('Stripe webhooks cannot be verified: STRIPE_WEBHOOK_SECRET is not set');
  if (!signature) throw new AppError('INVALID', 'pay.webhookInvalid');
  try {
    // The signing check needs no API key, so the SDK's static helper serves even without one.
    return Stripe.webhooks.constructEvent(rawBody, signature, secret, undefined, undefined, now().getTime());
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw new AppError('INVALID', 'pay.webhookInvalid');
    throw error;
  }
}
