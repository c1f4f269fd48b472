import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { parseStripeForm, type FormObject } from './form';
import {
  buildCheckoutSession,
  buildEvent,
  buildPaymentIntent,
  buildRefund,
  checkoutSessionId,
  stripeId,
  type EventOf,
  type EventType,
} from './objects';
import { payPage, unavailablePage } from './pay-page';
import {
  FakeStripeError,
  asArray,
  asObject,
  asString,
  currencyCode,
  expandList,
  invalid,
  metadata,
  noSuch,
  oneOf,
  onlyKnown,
  positiveInteger,
  required,
  url,
} from './validate';

/**
 * A local stand-in for api.stripe.com that the real `stripe` SDK talks to over HTTP, plus the
 * hosted Checkout page and webhook delivery, so payment flows can be tested end to end on a
 * machine that cannot reach Stripe. It speaks only what Plaza uses (Checkout Sessions in
 * payment mode, PaymentIntents, Refunds, Events) and answers everything else the way Stripe
 * answers an unknown URL.
 */

export type StripeFakeOptions = {
  webhookUrl?: string;
  webhookSecret?: string;
  secretKey?: string;
  port?: number;
  /** Seconds since the epoch for `created`/`expires_at`; defaults to the real time. */
  now?: () => number;
};

export type RecordedRequest = {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** Parsed form body (POST) or query (GET), nested as Stripe reads it. */
  body: FormObject;
  status: number;
  replayed: boolean;
};

export type WebhookDelivery = { eventId: string; type: string; statuses: number[] };

export type DeliverOptions = { times?: number; concurrently?: boolean };

export type SessionTransition = {
  session: Stripe.Checkout.Session;
  paymentIntent: Stripe.PaymentIntent | null;
  event: Stripe.Event;
  /** HTTP statuses of the webhook delivery (empty when no webhook URL is set). */
  statuses: number[];
};

export type StripeFake = {
  url: string;
  host: string;
  port: number;
  protocol: 'http';
  secretKey: string;
  webhookSecret: string;
  webhookUrl: string | undefined;
  setWebhookUrl(url: string | undefined): void;
  close(): Promise<void>;
  /** Every API call Plaza made, oldest first. */
  requests: RecordedRequest[];
  /** Every webhook the fake sent, oldest first. */
  deliveries: WebhookDelivery[];
  session(id: string): Stripe.Checkout.Session;
  paymentIntent(id: string): Stripe.PaymentIntent;
  completeSession(id: string, options?: { async?: boolean }): Promise<SessionTransition>;
  succeedAsyncPayment(id: string): Promise<SessionTransition>;
  failAsyncPayment(id: string): Promise<SessionTransition>;
  expireSession(id: string): Promise<SessionTransition>;
  eventFor<T extends EventType>(type: T, object: EventOf<T>['data']['object']): EventOf<T>;
  deliver(event: Stripe.Event, options?: DeliverOptions): Promise<number[]>;
  signedHeader(payload: string, options?: { timestamp?: number; secret?: string }): string;
  /** Resolves when the webhooks the fake started on its own (e.g. after an API expire) are done. */
  idle(): Promise<void>;
};

type SessionRecord = {
  session: Stripe.Checkout.Session;
  paymentIntentMetadata: Record<string, string>;
  paymentIntentDescription: string | null;
};

const sessionParams = [
  'mode', 'line_items', 'success_url', 'cancel_url', 'client_reference_id', 'customer_email', 'metadata',
  'payment_intent_data', 'payment_method_types', 'expires_at', 'expand', 'locale', 'submit_type',
] as const;
const lineItemParams = ['price_data', 'quantity', 'price'] as const;
const priceDataParams = ['currency', 'unit_amount', 'product_data', 'product', 'unit_amount_decimal', 'tax_behavior'] as const;
const productDataParams = ['name', 'description', 'images', 'metadata', 'tax_code'] as const;
const paymentIntentDataParams = ['metadata', 'description', 'statement_descriptor', 'statement_descriptor_suffix', 'receipt_email'] as const;
const refundParams = ['payment_intent', 'charge', 'amount', 'metadata', 'reason', 'expand'] as const;

// Stripe refuses Checkout totals below a currency's minimum charge (Stripe docs: minimum amounts).
const minimumCharge: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, cny: 400, hkd: 400, sgd: 50, jpy: 50 };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : key;
}

export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const secretKey = options.secretKey ?? `sk_test_fake${stripeId('', 24).slice(1)}`;
  const webhookSecret = options.webhookSecret ?? `whsec_${stripeId('', 32).slice(1)}`;
  const nowSeconds = options.now ?? (() => Math.floor(Date.now() / 1000));
  let webhookUrl = options.webhookUrl;

  const sessions = new Map<string, SessionRecord>();
  const paymentIntents = new Map<string, Stripe.PaymentIntent>();
  const refunds = new Map<string, Stripe.Refund>();
  const events = new Map<string, Stripe.Event>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: string }>();
  const requests: RecordedRequest[] = [];
  const deliveries: WebhookDelivery[] = [];
  const pending = new Set<Promise<unknown>>();

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;

  function sessionRecord(id: string, param?: string): SessionRecord {
    const record = sessions.get(id);
    if (!record) throw noSuch('checkout.session', id, param);
    return record;
  }

  function paymentIntentById(id: string, param?: string): Stripe.PaymentIntent {
    const intent = paymentIntents.get(id);
    if (!intent) throw noSuch('payment_intent', id, param);
    return intent;
  }

  function expandSession(session: Stripe.Checkout.Session, expand: string[]): Stripe.Checkout.Session {
    for (const field of expand) if (field !== 'payment_intent') throw invalid(`This property cannot be expanded (${field}).`, 'expand');
    if (expand.includes('payment_intent') && typeof session.payment_intent === 'string') {
      return { ...session, payment_intent: paymentIntentById(session.payment_intent) };
    }
    return session;
  }

  function expandRefund(refund: Stripe.Refund, expand: string[]): Stripe.Refund {
    for (const field of expand) if (field !== 'payment_intent') throw invalid(`This property cannot be expanded (${field}).`, 'expand');
    if (expand.includes('payment_intent') && typeof refund.payment_intent === 'string') {
      return { ...refund, payment_intent: paymentIntentById(refund.payment_intent) };
    }
    return refund;
  }

  function createSession(body: FormObject): Stripe.Checkout.Session {
    onlyKnown(body, sessionParams);
    const mode = required(asString(body.mode, 'mode'), 'mode');
    if (mode !== 'payment') throw invalid(`This test double supports only mode=payment, not ${mode}`, 'mode');
    const items = required(asArray(body.line_items, 'line_items'), 'line_items');
    if (items.length === 0) throw invalid('line_items must contain at least one item in payment mode', 'line_items');
    let currency: string | undefined;
    let total = 0;
    items.forEach((raw, index) => {
      const prefix = `line_items[${index}]`;
      const item = required(asObject(raw, prefix), prefix);
      onlyKnown(item, lineItemParams, prefix);
      if (item.price !== undefined) throw noSuch('price', String(item.price), `${prefix}[price]`);
      const priceData = required(asObject(item.price_data, `${prefix}[price_data]`), `${prefix}[price_data]`);
      onlyKnown(priceData, priceDataParams, `${prefix}[price_data]`);
      const itemCurrency = currencyCode(priceData.currency, `${prefix}[price_data][currency]`);
      const unitAmount = required(positiveInteger(priceData.unit_amount, `${prefix}[price_data][unit_amount]`), `${prefix}[price_data][unit_amount]`);
      if (priceData.product === undefined) {
        const product = required(asObject(priceData.product_data, `${prefix}[price_data][product_data]`), `${prefix}[price_data][product_data]`);
        onlyKnown(product, productDataParams, `${prefix}[price_data][product_data]`);
        required(asString(product.name, `${prefix}[price_data][product_data][name]`), `${prefix}[price_data][product_data][name]`);
      }
      const quantity = required(positiveInteger(item.quantity, `${prefix}[quantity]`), `${prefix}[quantity]`);
      if (currency && currency !== itemCurrency) throw invalid('All line items must use the same currency.', `${prefix}[price_data][currency]`);
      currency = itemCurrency;
      total += unitAmount * quantity;
    });
    if (!currency) throw invalid('line_items must contain at least one item in payment mode', 'line_items');
    const minimum = minimumCharge[currency];
    if (minimum !== undefined && total < minimum) {
      throw invalid(`The Checkout Session's total amount due must add up to at least ${minimum} ${currency} (in the currency's smallest unit).`, 'line_items', 'amount_too_small');
    }
    const paymentIntentData = asObject(body.payment_intent_data, 'payment_intent_data') ?? {};
    onlyKnown(paymentIntentData, paymentIntentDataParams, 'payment_intent_data');
    const methods = (asArray(body.payment_method_types, 'payment_method_types') ?? ['card']).map((method, index) =>
      required(oneOf(method, `payment_method_types[${index}]`, ['card'] as const), `payment_method_types[${index}]`),
    );
    const created = nowSeconds();
    const expiresAtText = asString(body.expires_at, 'expires_at');
    let expiresAt = created + 24 * 60 * 60;
    if (expiresAtText !== undefined) {
      expiresAt = Number(expiresAtText);
      if (!/^\d+$/.test(expiresAtText) || expiresAt < created + 30 * 60 || expiresAt > created + 24 * 60 * 60) {
        throw invalid('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', 'expires_at');
      }
    }
    const id = checkoutSessionId();
    const session = buildCheckoutSession({
      id,
      created,
      expiresAt,
      url: `${baseUrl}/pay/${id}`,
      currency,
      amountTotal: total,
      successUrl: url(body.success_url, 'success_url') ?? null,
      cancelUrl: url(body.cancel_url, 'cancel_url') ?? null,
      clientReferenceId: asString(body.client_reference_id, 'client_reference_id', { max: 200 }) ?? null,
      customerEmail: asString(body.customer_email, 'customer_email', { max: 800 }) ?? null,
      metadata: metadata(body.metadata),
      paymentMethodTypes: methods,
    });
    sessions.set(id, {
      session,
      paymentIntentMetadata: metadata(paymentIntentData.metadata, 'payment_intent_data[metadata]'),
      paymentIntentDescription: asString(paymentIntentData.description, 'payment_intent_data[description]', { max: 1000 }) ?? null,
    });
    return expandSession(session, expandList(body.expand));
  }

  function createRefund(body: FormObject): Stripe.Refund {
    onlyKnown(body, refundParams);
    let intentId = asString(body.payment_intent, 'payment_intent');
    const chargeId = asString(body.charge, 'charge');
    if (!intentId && !chargeId) throw invalid('One of the following params should be provided for this request: payment_intent or charge.', 'payment_intent');
    if (!intentId && chargeId) {
      intentId = [...paymentIntents.values()].find((intent) => intent.latest_charge === chargeId)?.id;
      if (!intentId) throw noSuch('charge', chargeId, 'charge');
    }
    const intent = paymentIntentById(intentId!, 'payment_intent');
    if (intent.status !== 'succeeded') {
      throw invalid(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, 'payment_intent', 'charge_not_refundable');
    }
    const refunded = [...refunds.values()].filter((refund) => refund.payment_intent === intent.id).reduce((sum, refund) => sum + refund.amount, 0);
    const remaining = intent.amount_received - refunded;
    if (remaining <= 0) throw invalid(`Charge ${intent.latest_charge} has already been refunded.`, undefined, 'charge_already_refunded');
    const amount = positiveInteger(body.amount, 'amount') ?? remaining;
    if (amount > remaining) {
      throw invalid(`Refund amount (${amount} ${intent.currency}) is greater than unrefunded amount on charge (${remaining} ${intent.currency})`, 'amount', 'amount_too_large');
    }
    const refund = buildRefund({
      id: stripeId('re'),
      created: nowSeconds(),
      amount,
      currency: intent.currency,
      charge: typeof intent.latest_charge === 'string' ? intent.latest_charge : null,
      paymentIntent: intent.id,
      metadata: metadata(body.metadata),
      reason: oneOf(body.reason, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null,
    });
    refunds.set(refund.id, refund);
    return expandRefund(refund, expandList(body.expand));
  }

  function retrieveEvent(id: string): Stripe.Event {
    const event = events.get(id);
    if (!event) throw noSuch('event', id);
    return event;
  }

  function expire(id: string): { session: Stripe.Checkout.Session; event: Stripe.Event } {
    const record = sessionRecord(id);
    if (record.session.status !== 'open') {
      throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This session has status "${record.session.status}".`, undefined, 'checkout_session_not_open');
    }
    record.session = { ...record.session, status: 'expired', url: null };
    return { session: record.session, event: eventFor('checkout.session.expired', record.session) };
  }

  type Route = { method: string; pattern: RegExp; handle: (match: string[], body: FormObject) => object };
  const routes: Route[] = [
    { method: 'POST', pattern: /^\/v1\/checkout\/sessions$/, handle: (_m, body) => createSession(body) },
    {
      method: 'GET',
      pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/,
      handle: ([id], query) => expandSession(sessionRecord(id!).session, expandList(query.expand)),
    },
    {
      method: 'POST',
      pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
      handle: ([id], body) => {
        onlyKnown(body, ['expand']);
        const { session, event } = expire(id!);
        // Real Stripe notifies the endpoint of an expiry however it happened.
        track(deliver(event));
        return expandSession(session, expandList(body.expand));
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/payment_intents\/([^/]+)$/,
      handle: ([id], query) => {
        if (expandList(query.expand).length) throw invalid('This test double does not expand PaymentIntent fields.', 'expand');
        return paymentIntentById(id!);
      },
    },
    { method: 'POST', pattern: /^\/v1\/refunds$/, handle: (_m, body) => createRefund(body) },
    {
      method: 'GET',
      pattern: /^\/v1\/refunds\/([^/]+)$/,
      handle: ([id], query) => {
        const refund = refunds.get(id!);
        if (!refund) throw noSuch('refund', id!);
        return expandRefund(refund, expandList(query.expand));
      },
    },
    { method: 'GET', pattern: /^\/v1\/events\/([^/]+)$/, handle: ([id]) => retrieveEvent(id!) },
  ];

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers });
    res.end(body);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) {
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const body = method === 'POST' ? parseStripeForm(raw) : parseStripeForm(query);
    const idempotencyKey = method === 'POST' ? (req.headers['idempotency-key'] as string | undefined) ?? null : null;
    const requestId = stripeId('req', 14);
    const record: RecordedRequest = { method, path, idempotencyKey, body, status: 0, replayed: false };
    requests.push(record);
    const headers: Record<string, string> = { 'Request-Id': requestId, 'Stripe-Version': String(req.headers['stripe-version'] ?? Stripe.API_VERSION) };
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    const reply = (status: number, payload: string, extra: Record<string, string> = {}) => {
      record.status = status;
      send(res, status, payload, { ...headers, ...extra });
    };

    const authorization = req.headers.authorization;
    if (!authorization) {
      const message = "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";
      return reply(401, JSON.stringify(new FakeStripeError(401, 'invalid_request_error', message).body(requestId)));
    }
    const key = authorization.replace(/^Bearer\s+/i, '');
    if (key !== secretKey) {
      return reply(401, JSON.stringify(new FakeStripeError(401, 'invalid_request_error', `Invalid API Key provided: ${maskKey(key)}`, 'api_key_invalid').body(requestId)));
    }

    const fingerprint = `${method} ${path}\n${raw}`;
    if (idempotencyKey) {
      const earlier = idempotency.get(idempotencyKey);
      if (earlier && earlier.fingerprint !== fingerprint) {
        const message = `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`;
        return reply(400, JSON.stringify(new FakeStripeError(400, 'idempotency_error', message).body(requestId)));
      }
      if (earlier) {
        record.replayed = true;
        return reply(earlier.status, earlier.body, { 'Idempotent-Replayed': 'true', 'Original-Request': requestId });
      }
    }

    const route = routes.find((candidate) => candidate.pattern.test(path) && candidate.method === method);
    try {
      if (!route) {
        throw new FakeStripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`);
      }
      const match = path.match(route.pattern)!.slice(1).map(decodeURIComponent);
      const payload = JSON.stringify(route.handle(match, body), null, 2);
      // Stripe saves a result for a key only once the request got past validation.
      if (idempotencyKey) idempotency.set(idempotencyKey, { fingerprint, status: 200, body: payload });
      reply(200, payload);
    } catch (error) {
      if (!(error instanceof FakeStripeError)) throw error;
      reply(error.status, JSON.stringify(error.body(requestId), null, 2));
    }
  }

  async function handlePage(req: IncomingMessage, res: ServerResponse, id: string, action: string | undefined) {
    await readBody(req);
    const record = sessions.get(id);
    const html = (status: number, text: string) => {
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(text);
    };
    if (!record) return html(404, unavailablePage('This checkout page does not exist.'));
    if (req.method === 'GET' && !action) {
      if (record.session.status !== 'open') return html(410, unavailablePage('This checkout session is no longer available.'));
      return html(200, payPage(record.session));
    }
    if (req.method !== 'POST') return html(405, unavailablePage('Method not allowed.'));
    if (action === 'cancel') {
      if (!record.session.cancel_url) return html(400, unavailablePage('There is nowhere to go back to.'));
      res.writeHead(303, { Location: record.session.cancel_url }).end();
      return;
    }
    if (action === 'confirm') {
      if (record.session.status !== 'open') return html(410, unavailablePage('This checkout session is no longer available.'));
      // Webhook first, then the redirect: tests see the effect by the time the success page loads.
      // Real Stripe promises no such order, so Plaza's success page must also cope with "pending".
      await completeSession(id);
      const success = (record.session.success_url ?? `${baseUrl}/pay/${id}/done`).replaceAll('{CHECKOUT_SESSION_ID}', id);
      res.writeHead(303, { Location: success }).end();
      return;
    }
    if (action === 'done') return html(200, unavailablePage('Payment complete. You can close this page.'));
    return html(404, unavailablePage('Not found.'));
  }

  server.on('request', (req, res) => {
    const parsed = new URL(req.url ?? '/', baseUrl);
    const page = parsed.pathname.match(/^\/pay\/([^/]+)(?:\/(confirm|cancel|done))?$/);
    const work = page
      ? handlePage(req, res, decodeURIComponent(page[1]!), page[2])
      : handleApi(req, res, parsed.pathname, parsed.searchParams);
    work.catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
      else res.destroy();
    });
  });

  function track<T>(promise: Promise<T>): Promise<T> {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => undefined);
    return promise;
  }

  function eventFor<T extends EventType>(type: T, object: EventOf<T>['data']['object']): EventOf<T> {
    const event = buildEvent(type, object, { created: nowSeconds() });
    events.set(event.id, event);
    return event;
  }

  function signedHeader(payload: string, { timestamp, secret }: { timestamp?: number; secret?: string } = {}): string {
    return Stripe.webhooks.generateTestHeaderString({ payload, secret: secret ?? webhookSecret, timestamp: timestamp ?? Math.floor(Date.now() / 1000) });
  }

  async function deliverOnce(payload: string): Promise<number> {
    if (!webhookUrl) return 0;
    try {
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', 'Stripe-Signature': signedHeader(payload) },
        body: payload,
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }

  async function deliver(event: Stripe.Event, { times = 1, concurrently = false }: DeliverOptions = {}): Promise<number[]> {
    if (!webhookUrl) return [];
    // Stripe sends pretty-printed JSON: a handler that re-serialises the body breaks the signature.
    const payload = JSON.stringify(event, null, 2);
    let statuses: number[];
    if (concurrently) statuses = await Promise.all(Array.from({ length: times }, () => deliverOnce(payload)));
    else {
      statuses = [];
      for (let attempt = 0; attempt < times; attempt++) statuses.push(await deliverOnce(payload));
    }
    deliveries.push({ eventId: event.id, type: event.type, statuses });
    return statuses;
  }

  async function transition(session: Stripe.Checkout.Session, event: Stripe.Event): Promise<SessionTransition> {
    const intentId = typeof session.payment_intent === 'string' ? session.payment_intent : null;
    const statuses = await track(deliver(event));
    return { session, paymentIntent: intentId ? paymentIntentById(intentId) : null, event, statuses };
  }

  function openSession(id: string): SessionRecord {
    const record = sessionRecord(id);
    if (record.session.status !== 'open') throw new Error(`Checkout Session ${id} is ${record.session.status}, not open`);
    return record;
  }

  function awaitingPayment(id: string): { record: SessionRecord; intent: Stripe.PaymentIntent } {
    const record = sessionRecord(id);
    const intent = typeof record.session.payment_intent === 'string' ? paymentIntents.get(record.session.payment_intent) : undefined;
    if (record.session.status !== 'complete' || record.session.payment_status !== 'unpaid' || intent?.status !== 'processing') {
      throw new Error(`Checkout Session ${id} is not waiting for a delayed payment`);
    }
    return { record, intent };
  }

  async function completeSession(id: string, { async = false }: { async?: boolean } = {}): Promise<SessionTransition> {
    const record = openSession(id);
    const { session } = record;
    const intent = buildPaymentIntent({
      id: stripeId('pi'),
      created: nowSeconds(),
      amount: session.amount_total ?? 0,
      currency: session.currency ?? 'usd',
      metadata: record.paymentIntentMetadata,
      description: record.paymentIntentDescription,
      status: async ? 'processing' : 'succeeded',
      paymentMethod: stripeId('pm'),
      latestCharge: stripeId('ch'),
    });
    paymentIntents.set(intent.id, intent);
    record.session = {
      ...session,
      status: 'complete',
      payment_status: async ? 'unpaid' : 'paid',
      payment_intent: intent.id,
      url: null,
      customer_details: {
        address: { city: null, country: 'US', line1: null, line2: null, postal_code: '94103', state: null },
        business_name: null,
        email: session.customer_email ?? 'payer@example.com',
        individual_name: null,
        name: 'Test Payer',
        phone: null,
        tax_exempt: 'none',
        tax_ids: [],
      },
    };
    return transition(record.session, eventFor('checkout.session.completed', record.session));
  }

  async function succeedAsyncPayment(id: string): Promise<SessionTransition> {
    const { record, intent } = awaitingPayment(id);
    paymentIntents.set(intent.id, { ...intent, status: 'succeeded', amount_received: intent.amount, processing: null });
    record.session = { ...record.session, payment_status: 'paid' };
    return transition(record.session, eventFor('checkout.session.async_payment_succeeded', record.session));
  }

  async function failAsyncPayment(id: string): Promise<SessionTransition> {
    const { record, intent } = awaitingPayment(id);
    paymentIntents.set(intent.id, {
      ...intent,
      status: 'requires_payment_method',
      processing: null,
      last_payment_error: { type: 'card_error', code: 'payment_intent_payment_attempt_failed', message: 'The payment failed.' },
    });
    return transition(record.session, eventFor('checkout.session.async_payment_failed', record.session));
  }

  async function expireSession(id: string): Promise<SessionTransition> {
    const { session, event } = expire(id);
    return transition(session, event);
  }

  return {
    url: baseUrl,
    host: '127.0.0.1',
    port,
    protocol: 'http',
    secretKey,
    webhookSecret,
    get webhookUrl() {
      return webhookUrl;
    },
    setWebhookUrl(next) {
      webhookUrl = next;
    },
    async close() {
      await Promise.allSettled([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
    requests,
    deliveries,
    session: (id) => sessionRecord(id).session,
    paymentIntent: (id) => paymentIntentById(id),
    completeSession,
    succeedAsyncPayment,
    failAsyncPayment,
    expireSession,
    eventFor,
    deliver,
    signedHeader,
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
