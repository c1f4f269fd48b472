/**
 * Shared pieces of the realtime conformance suite: the server under test (embedded, or another
 * Pusher-protocol server named by REALTIME_CONFORMANCE_* variables), a webhook receiver, real
 * `pusher-js` and `pusher` SDK clients, raw `ws` clients and hand-signed HTTP API calls.
 * Everything waits for the event itself; timeouts here only turn a missing event into a failure.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Pusher from 'pusher';
import PusherClient, { type Channel } from 'pusher-js';
import WebSocket from 'ws';
import type { RealtimeServerConfig } from '../config';
import { startRealtimeServer, type RealtimeServer } from '../server';

export const waitLimitMs = 5000;

/** Short enough to keep the suite fast; the liveness and webhook tests lean on them. */
export const embeddedTimings = { activityTimeoutSeconds: 1, pongTimeoutMs: 300, webhookVacateDelayMs: 300 };

/**
 * How the suite configures an embedded server: a secret of its own (the server has no default
 * one), and every public channel name served, as Pusher Channels and Soketi do, so the suite's
 * random names work; Plaza's own narrower default has a test of its own.
 */
export const embeddedConfig = {
  port: 0,
  bindHost: '127.0.0.1',
  secret: `conformance-${randomBytes(24).toString('hex')}`,
  publicChannels: 'any',
  ...embeddedTimings,
} satisfies Partial<RealtimeServerConfig>;

// ——— waiting for events ———

interface Waiter<T> {
  match: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Everything a client received, in order, with promises for what has not arrived yet. */
export class EventLog<T> {
  readonly items: T[] = [];
  private waiters: Waiter<T>[] = [];
  private endedBecause?: string;

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (!waiter.match(item)) continue;
      clearTimeout(waiter.timer);
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(item);
    }
  }

  /** No more items will come (the socket closed): pending waits fail at once, not at the timeout. */
  end(reason: string): void {
    this.endedBecause = reason;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`${reason} before the awaited event`));
    }
  }

  count(match: (item: T) => boolean): number {
    return this.items.filter(match).length;
  }

  /** How many items have arrived: pass it as `after` to wait only for later ones. */
  mark(): number {
    return this.items.length;
  }

  /** The first item (already received or still to come, from index `after` on) that matches. */
  waitFor(match: (item: T) => boolean, label: string, { after = 0, timeoutMs = waitLimitMs }: { after?: number; timeoutMs?: number } = {}): Promise<T> {
    const found = this.items.slice(after).find(match);
    if (found !== undefined) return Promise.resolve(found);
    if (this.endedBecause) return Promise.reject(new Error(`${label}: ${this.endedBecause} before it arrived`));
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        match,
        resolve,
        reject: (error) => reject(new Error(`${label}: ${error.message}`)),
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves once `n` matching items have arrived. */
  waitForCount(match: (item: T) => boolean, n: number, label: string, options: { after?: number; timeoutMs?: number } = {}): Promise<T> {
    let seen = 0;
    return this.waitFor((item) => match(item) && ++seen >= n, label, options);
  }
}

export function once<T>(subscribe: (resolve: (value: T) => void) => void, label: string, timeoutMs = waitLimitMs): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`)), timeoutMs);
    subscribe((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

// ——— the server under test ———

export interface WebhookCall {
  valid: boolean;
  events: Array<{ name: string; channel: string; user_id?: string }>;
}

export interface Target {
  host: string;
  port: number;
  appId: string;
  key: string;
  secret: string;
  /** Another server named by env: tests that need the embedded server's small timeouts skip. */
  external: boolean;
  sdk: Pusher;
  /** Present when the target was started with webhooks. */
  webhooks?: EventLog<WebhookCall>;
  /** The embedded server, to start a second one configured the same way. */
  embedded?: RealtimeServer;
  webhookUrl?: string;
  close(): Promise<void>;
}

const env = process.env;
export const externalTarget = Boolean(env.REALTIME_CONFORMANCE_HOST);
export const externalSkipReason = 'needs the embedded server\'s small activity/pong timeouts or its in-process lifecycle';
/** Plaza's own additions to the protocol, which Pusher Channels and Soketi do not have. */
export const plazaExtensionSkipReason = 'a Plaza extension other Pusher servers do not have';

/** A fresh prefix per run and per file, so runs against a shared external server never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}conf-${randomBytes(5).toString('hex')}`;
}

/** Starts a receiver that checks each webhook with the SDK, exactly as an app would. */
async function startWebhookReceiver(sdk: () => Pusher, port: number): Promise<{ server: Server; log: EventLog<WebhookCall>; port: number }> {
  const log = new EventLog<WebhookCall>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const webhook = sdk().webhook({ headers: request.headers as IncomingHttpHeaders & Record<string, string>, rawBody });
      const valid = webhook.isValid();
      log.push({ valid, events: valid ? webhook.getEvents() : [] });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  return { server, log, port: (server.address() as AddressInfo).port };
}

function requiredEnv(name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required when REALTIME_CONFORMANCE_HOST is set`);
  return value;
}

/** 32 random bytes: any master key works, since the SDK both encrypts and hands out the secret. */
const encryptionMasterKeyBase64 = randomBytes(32).toString('base64');

function sdkFor(target: { host: string; port: number; appId: string; key: string; secret: string }): Pusher {
  return new Pusher({ appId: target.appId, key: target.key, secret: target.secret, host: target.host, port: String(target.port), useTLS: false, encryptionMasterKeyBase64 });
}

/** `embedded` changes the embedded server's configuration (ignored for an external target). */
export async function startTarget(options: { webhooks?: boolean; embedded?: Partial<RealtimeServerConfig> } = {}): Promise<Target> {
  let sdk: Pusher | undefined;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;
  if (options.webhooks) {
    const port = externalTarget ? Number(requiredEnv('REALTIME_CONFORMANCE_WEBHOOK_PORT')) : 0;
    receiver = await startWebhookReceiver(() => sdk!, port);
  }
  const stopReceiver = () => new Promise<void>((resolve) => (receiver ? receiver.server.close(() => resolve()) : resolve()));

  if (externalTarget) {
    const target = {
      host: requiredEnv('REALTIME_CONFORMANCE_HOST'),
      port: Number(requiredEnv('REALTIME_CONFORMANCE_PORT')),
      appId: requiredEnv('REALTIME_CONFORMANCE_APP_ID'),
      key: requiredEnv('REALTIME_CONFORMANCE_KEY'),
      secret: requiredEnv('REALTIME_CONFORMANCE_SECRET'),
    };
    sdk = sdkFor(target);
    return { ...target, external: true, sdk, webhooks: receiver?.log, close: stopReceiver };
  }

  const webhookUrl = receiver ? `http://127.0.0.1:${receiver.port}/webhooks` : undefined;
  const embedded = await startRealtimeServer({ ...embeddedConfig, webhookUrl, ...options.embedded });
  const target = { host: '127.0.0.1', port: embedded.port, appId: embedded.config.appId, key: embedded.config.key, secret: embedded.config.secret };
  sdk = sdkFor(target);
  return {
    ...target,
    external: false,
    sdk,
    webhooks: receiver?.log,
    embedded,
    webhookUrl,
    async close() {
      await embedded.close();
      await stopReceiver();
    },
  };
}

// ——— pusher-js clients ———

export interface ClientOptions {
  /** Connect with another app key (to be refused). */
  key?: string;
  /** Presence identity used when the client joins presence- channels. */
  member?: { user_id: string; user_info?: Record<string, unknown> };
  /** Identity used by `signin()`. */
  user?: { id: string; [field: string]: unknown };
  /** Signs channel access with this instead of the SDK (to present a wrong signature); an Error refuses it, as an app's authorizer does. */
  authorize?: (socketId: string, channel: string) => { auth: string; channel_data?: string; shared_secret?: string } | Error;
  signInAuth?: (socketId: string) => { auth: string; user_data: string };
}

/** Opens pusher-js clients and closes them all at the end of each test. */
export class Clients {
  private readonly open = new Set<PusherClient>();
  private readonly raw = new Set<RawClient>();

  constructor(private readonly target: Target) {}

  create(options: ClientOptions = {}): PusherClient {
    const { sdk } = this.target;
    const client = new PusherClient(options.key ?? this.target.key, {
      cluster: '',
      wsHost: this.target.host,
      wsPort: this.target.port,
      forceTLS: false,
      enabledTransports: ['ws'],
      disableStats: true,
      channelAuthorization: {
        customHandler: ({ socketId, channelName }, callback) => {
          if (options.authorize) {
            const answer = options.authorize(socketId, channelName);
            return answer instanceof Error ? callback(answer, null) : callback(null, answer);
          }
          const member = channelName.startsWith('presence-') ? (options.member ?? { user_id: `anon-${socketId}` }) : undefined;
          callback(null, sdk.authorizeChannel(socketId, channelName, member));
        },
      },
      userAuthentication: {
        customHandler: ({ socketId }, callback) => {
          if (options.signInAuth) return callback(null, options.signInAuth(socketId));
          if (!options.user) return callback(new Error('This client has no user to sign in as'), null);
          callback(null, sdk.authenticateUser(socketId, options.user));
        },
      },
    });
    this.open.add(client);
    return client;
  }

  async connect(options: ClientOptions = {}): Promise<PusherClient> {
    const client = this.create(options);
    await connected(client);
    return client;
  }

  /** A raw client, closed with the rest. */
  async rawClient(options: RawOptions = {}): Promise<RawClient> {
    const client = await RawClient.connect(this.target, options);
    this.raw.add(client);
    return client;
  }

  async closeAll(): Promise<void> {
    for (const client of this.open) client.disconnect();
    this.open.clear();
    await Promise.all([...this.raw].map((client) => client.close()));
    this.raw.clear();
  }
}

export function connected(client: PusherClient): Promise<void> {
  if (client.connection.state === 'connected') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pusher-js did not connect: state ${client.connection.state}`)), waitLimitMs);
    client.connection.bind('state_change', ({ current }: { current: string }) => {
      if (current === 'connected') {
        clearTimeout(timer);
        resolve();
      }
      if (current === 'failed' || current === 'disconnected') {
        clearTimeout(timer);
        reject(new Error(`pusher-js went to ${current} instead of connected`));
      }
    });
  });
}

export interface SubscriptionError {
  type?: string;
  error?: string;
  status?: number;
}

/** Subscribes and waits for the server's answer: the channel, or the subscription error. */
export function subscribe(client: PusherClient, name: string): Promise<{ channel: Channel; error?: SubscriptionError }> {
  const channel = client.subscribe(name);
  return once(
    (resolve) => {
      channel.bind('pusher:subscription_succeeded', () => resolve({ channel }));
      channel.bind('pusher:subscription_error', (error: SubscriptionError) => resolve({ channel, error }));
    },
    `the answer to subscribing to ${name}`,
  );
}

export async function subscribed(client: PusherClient, name: string): Promise<Channel> {
  const { channel, error } = await subscribe(client, name);
  if (error) throw new Error(`Subscribing to ${name} failed: ${JSON.stringify(error)}`);
  return channel;
}

export interface ReceivedEvent {
  event: string;
  data: unknown;
}

/** Records every event a pusher-js channel (or the user facade) receives. */
export function record(source: { bind_global(callback: (event: string, data: unknown) => void): unknown }): EventLog<ReceivedEvent> {
  const log = new EventLog<ReceivedEvent>();
  source.bind_global((event, data) => log.push({ event, data }));
  return log;
}

/** Signs in through pusher-js and waits until `#server-to-user-<id>` is subscribed. */
export async function signIn(client: PusherClient): Promise<void> {
  client.signin();
  await client.user.signinDonePromise;
  const channel = client.user.serverToUserChannel;
  if (!channel) throw new Error('pusher-js did not sign in');
  if (channel.subscribed) return;
  await once((resolve) => channel.bind('pusher:subscription_succeeded', () => resolve(undefined)), 'the user channel subscription');
}

// ——— raw WebSocket clients ———

export interface Frame {
  event: string;
  channel?: string;
  /** `data` as it came over the wire. */
  data: unknown;
  /** `data` parsed when it was a JSON string. */
  payload: Record<string, unknown>;
  user_id?: string;
}

export interface RawOptions {
  /** Query string of the connection URL; protocol 7 by default. */
  query?: string;
  key?: string;
  /** A client that never answers `pusher:ping`, to be timed out. */
  ignorePings?: boolean;
  /** Do not wait for pusher:connection_established (for refused connections). */
  noHandshake?: boolean;
}

/** A bare protocol client, for inputs pusher-js would never send. */
export class RawClient {
  readonly frames = new EventLog<Frame>();
  socketId = '';
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket, ignorePings: boolean) {
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.frames.end(`the socket closed with ${code}`);
        resolve({ code, reason: reason.toString() });
      });
    });
    socket.on('error', () => undefined);
    socket.on('message', (raw) => {
      const text = raw.toString();
      let frame: { event: string; channel?: string; data?: unknown; user_id?: string };
      try {
        frame = JSON.parse(text);
      } catch {
        frame = { event: '(not JSON)', data: text };
      }
      let payload: Record<string, unknown> = {};
      if (typeof frame.data === 'string') {
        try {
          payload = JSON.parse(frame.data) ?? {};
        } catch {
          payload = {};
        }
      } else if (frame.data && typeof frame.data === 'object') {
        payload = frame.data as Record<string, unknown>;
      }
      if (frame.event === 'pusher:ping' && !ignorePings) this.send({ event: 'pusher:pong', data: {} });
      this.frames.push({ event: frame.event, channel: frame.channel, data: frame.data, payload, user_id: frame.user_id });
    });
  }

  static async connect(target: Pick<Target, 'host' | 'port' | 'key'>, options: RawOptions = {}): Promise<RawClient> {
    const key = options.key ?? target.key;
    const socket = new WebSocket(`ws://${target.host}:${target.port}/app/${key}?${options.query ?? 'protocol=7&client=conformance&version=1.0'}`);
    const client = new RawClient(socket, options.ignorePings ?? false);
    if (options.noHandshake) return client;
    const established = await client.frames.waitFor((frame) => frame.event === 'pusher:connection_established', 'pusher:connection_established');
    client.socketId = String(established.payload.socket_id);
    return client;
  }

  send(frame: unknown): void {
    this.sendRaw(JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer, options: { binary?: boolean } = {}): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(data, { binary: options.binary ?? false });
  }

  event(name: string, channel?: string): (frame: Frame) => boolean {
    return (frame) => frame.event === name && (channel === undefined || frame.channel === channel);
  }

  /** The first pusher:error (with this code, when given) from frame index `after` on. */
  error(code?: number, after = 0): Promise<Frame> {
    return this.frames.waitFor((frame) => frame.event === 'pusher:error' && (code === undefined || frame.payload.code === code), `pusher:error ${code ?? ''}`, { after });
  }

  /** Sends pusher:subscribe and waits for subscription_succeeded, subscription_error or pusher:error. */
  async subscribe(channel: string, auth?: { auth?: string; channel_data?: string }): Promise<Frame> {
    const after = this.frames.mark();
    this.send({ event: 'pusher:subscribe', data: { channel, ...auth } });
    return this.frames.waitFor(
      (frame) =>
        (frame.channel === channel && (frame.event === 'pusher_internal:subscription_succeeded' || frame.event === 'pusher:subscription_error')) ||
        frame.event === 'pusher:error',
      `the answer to subscribing to ${channel}`,
      { after },
    );
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close();
    await this.closed;
  }
}

// ——— hand-signed HTTP API calls ———

export interface SignedRequest {
  method: 'GET' | 'POST';
  /** Path under /apps/<id>, such as /events. */
  path: string;
  body?: unknown;
  params?: Record<string, string>;
  /** Ways to get the signing wrong on purpose. */
  tamper?: { key?: string; timestampOffset?: number; bodyMd5?: string; secret?: string };
}

/** Signs as the Pusher HTTP API specifies, by hand, so each part can be broken on purpose. */
export async function signedFetch(target: Target, request: SignedRequest): Promise<{ status: number; body: Record<string, unknown> }> {
  const path = `/apps/${target.appId}${request.path}`;
  const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const params: Record<string, string> = {
    auth_key: request.tamper?.key ?? target.key,
    auth_timestamp: String(Math.floor(Date.now() / 1000) + (request.tamper?.timestampOffset ?? 0)),
    auth_version: '1.0',
    ...request.params,
  };
  if (body !== undefined) params.body_md5 = request.tamper?.bodyMd5 ?? createHash('md5').update(body).digest('hex');
  const query = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
  const signature = createHmac('sha256', request.tamper?.secret ?? target.secret)
    .update([request.method, path, query].join('\n'))
    .digest('hex');
  const encoded = Object.keys(params)
    .map((key) => `${key}=${encodeURIComponent(params[key]!)}`)
    .join('&');
  const response = await fetch(`http://${target.host}:${target.port}${path}?${encoded}&auth_signature=${signature}`, {
    method: request.method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed };
}

/** GET through the SDK and parse the JSON answer. */
export async function sdkGet(target: Target, path: string, params?: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await target.sdk.get({ path, params });
  return (await response.json()) as Record<string, unknown>;
}
