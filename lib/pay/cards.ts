import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { now } from '@/lib/core/clock';
import { AppError } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { send as notify } from '@/lib/notify';
import { publish, userChannel } from '@/lib/realtime';
import { announceSettled, postSettlement, toChargeDto } from './charges';
import * as records from './db';
import { payEvents } from './events';
import { inTransaction, post } from './ledger';
import { currencies, type Currency } from './money';
import { requireStripeClient, stripeWebhookSecret, verifyStripeWebhook } from './stripe';

type CardPurpose = { purpose: 'topup' } | { purpose: 'charge'; chargeId: string };

/**
 * Opens a Stripe Checkout Session and returns its URL. The session is recorded before the
 * person pays; if that record were lost, the webhook rebuilds it from the session's metadata.
 */
export async function startCardPayment(viewer: Viewer, payment: CardPurpose & { amount: number; currency: Currency; label: string; key?: string }, origin: string): Promise<string> {
  const stripe = requireStripeClient();
  const metadata = { personId: viewer.id, purpose: payment.purpose, ...(payment.purpose === 'charge' ? { chargeId: payment.chargeId } : {}) };
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [{ price_data: { currency: payment.currency.toLowerCase(), unit_amount: payment.amount, product_data: { name: payment.label } }, quantity: 1 }],
      client_reference_id: viewer.id,
      metadata,
      payment_intent_data: { metadata },
      success_url: `${origin}/wallet?paid={CHECKOUT_SESSION_ID}`,
      cancel_url: `${origin}/wallet?cancelled=1`,
    },
    payment.key ? { idempotencyKey: payment.key } : undefined,
  );
  await records.insertCardPayment({ sessionId: session.id, personId: viewer.id, purpose: payment.purpose, chargeId: payment.purpose === 'charge' ? payment.chargeId : undefined, amount: payment.amount, currency: payment.currency });
  if (!session.url) throw new AppError('CONFLICT', 'pay.cardPaymentsUnavailable');
  return session.url;
}

export async function startTopUp(viewer: Viewer, input: { amount: number; currency: Currency; key: string }, origin: string): Promise<string> {
  return startCardPayment(viewer, { purpose: 'topup', amount: input.amount, currency: input.currency, label: 'Plaza wallet top-up', key: `topup:${viewer.id}:${input.key}` }, origin);
}

function sessionCurrency(session: Stripe.Checkout.Session): Currency {
  const currency = session.currency?.toUpperCase();
  if (!currencies.includes(currency as Currency)) throw new Error(`Stripe session ${session.id} is in ${session.currency}, which Plaza does not hold`);
  return currency as Currency;
}

/** The only part of an event Plaza reads: which session it is about. */
const sessionEventSchema = z.object({ id: z.string().min(1), type: z.string(), data: z.object({ object: z.object({ id: z.string().regex(/^cs_\w+$/) }) }) });

const sessionEvents = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded', 'checkout.session.async_payment_failed', 'checkout.session.expired']);

/**
 * Acts on a verified Stripe event exactly once. The event id is recorded in the same
 * transaction as its effect; the effect itself is keyed by the session, so two different events
 * for one payment (completed, then async_payment_succeeded) credit it once. Only ids are taken
 * from the event: the session is fetched from Stripe before anything is believed.
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<'handled' | 'duplicate' | 'ignored'> {
  if (!sessionEvents.has(event.type)) return 'ignored';
  const shape = sessionEventSchema.safeParse(event);
  if (!shape.success) return 'ignored';
  const sessionId = shape.data.data.object.id;
  const session = await requireStripeClient().checkout.sessions.retrieve(sessionId);
  const metadata = session.metadata ?? {};
  if (!metadata.personId || (metadata.purpose !== 'topup' && metadata.purpose !== 'charge')) return 'ignored';
  const amount = session.amount_total ?? 0;
  const currency = sessionCurrency(session);
  const paymentIntentId = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);

  const outcome = await inTransaction(async (tx) => {
    if (!(await records.recordStripeEvent(tx, event.id, event.type))) return { result: 'duplicate' as const };
    await records.insertCardPayment({ sessionId, personId: metadata.personId!, purpose: metadata.purpose!, chargeId: metadata.chargeId, amount, currency }, tx);
    if (session.payment_status !== 'paid') {
      if (session.status === 'expired' || event.type === 'checkout.session.async_payment_failed') {
        await records.markCardPaymentClosed(tx, sessionId, session.status === 'expired' ? 'EXPIRED' : 'FAILED');
      }
      return { result: 'handled' as const };
    }
    const paid = await records.markCardPaymentPaid(tx, sessionId, paymentIntentId, now());
    if (!paid) return { result: 'handled' as const };
    if (paid.purpose === 'topup') {
      await post(tx, {
        idempotencyKey: `card:${sessionId}`,
        kind: 'topup',
        currency,
        meta: { sessionId },
        entries: [
          { account: { kind: 'STRIPE_CLEARING' }, amount: -amount },
          { account: { kind: 'WALLET', ownerId: paid.personId }, amount },
        ],
      });
      return { result: 'handled' as const, toppedUp: { personId: paid.personId, amount, currency } };
    }
    const settled = await records.settleCharge(tx, paid.chargeId!, now());
    if (settled) await postSettlement(tx, settled, { kind: 'STRIPE_CLEARING' });
    return { result: 'handled' as const, settled };
  });

  if ('toppedUp' in outcome && outcome.toppedUp) {
    const { personId, amount: credited, currency: cur } = outcome.toppedUp;
    await publish(userChannel(personId), payEvents.balance, { currency: cur });
    await notify(personId, 'topup.credited', { data: { amount: String(credited), currency: cur } });
  }
  if ('settled' in outcome && outcome.settled) await announceSettled(toChargeDto(outcome.settled));
  return outcome.result;
}

const webhooksUnconfigured = 'Stripe webhooks are not configured: set STRIPE_WEBHOOK_SECRET';
let reportedUnconfigured = false;

/**
 * The webhook route's whole job: 400 for a bad or stale signature (nothing changes), 200 once
 * the event is handled or known. Anything else is a 500, so Stripe retries later. Without a
 * signing secret nothing can be verified: 503 (Stripe retries it too, so no payment is lost
 * once the secret is set), said once in the log rather than as a stack trace per delivery.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<Response> {
  if (!stripeWebhookSecret()) {
    if (!reportedUnconfigured) {
      reportedUnconfigured = true;
      console.warn(`pay: ${webhooksUnconfigured}; deliveries are refused with 503 until it is`);
    }
    return new Response(webhooksUnconfigured, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  let event: Stripe.Event;
  try {
    event = verifyStripeWebhook(rawBody, signature);
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: 'Invalid signature' }, { status: 400 });
    throw error;
  }
  return Response.json({ received: await handleStripeEvent(event) });
}

/** After Checkout sends the person back: whether their own payment has been credited yet. */
export async function getCardPaymentStatus(viewer: Viewer, sessionId: string): Promise<'paid' | 'pending' | null> {
  if (!/^cs_\w{1,200}$/.test(sessionId)) return null;
  const payment = await records.findCardPaymentStatus(sessionId, viewer.id);
  if (!payment) return null;
  return payment.status === 'PAID' ? 'paid' : 'pending';
}
