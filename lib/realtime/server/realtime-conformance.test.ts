/**
 * Pusher Channels protocol 7 conformance: the real `pusher-js` Node client and the real `pusher`
 * SDK (plus raw `ws` clients for inputs pusher-js never sends) against a server. This file covers
 * the connection itself; ./conformance/realtime-*.test.ts cover channels, client events, users,
 * the HTTP API and webhooks, with helpers in ./conformance/realtime-harness.ts.
 *
 * By default every file starts Plaza's embedded server in-process on a spare port, with small
 * activity/pong timeouts and a short webhook vacate delay. To check another Pusher-protocol
 * server (Soketi, a Plaza deployment…) instead, name it:
 *
 *   REALTIME_CONFORMANCE_HOST=127.0.0.1 REALTIME_CONFORMANCE_PORT=6001 \
 *   REALTIME_CONFORMANCE_APP_ID=app REALTIME_CONFORMANCE_KEY=key REALTIME_CONFORMANCE_SECRET=secret \
 *   REALTIME_CONFORMANCE_WEBHOOK_PORT=6100 \
 *   npx vitest run lib/realtime/server
 *
 * The webhook tests then listen on REALTIME_CONFORMANCE_WEBHOOK_PORT (any path): configure the
 * server to send channel-existence and presence webhooks to http://<this machine>:<port>/. Plain
 * ws/http only (no TLS). Channel and user names are random per run, so a shared server is fine.
 * Tests that rely on the embedded server's small timeouts or its lifecycle are skipped, and say so.
 */
import type PusherClient from 'pusher-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Clients, connected, externalSkipReason, externalTarget, once, RawClient, record, startTarget, subscribed, type Target, uniqueName } from './conformance/realtime-harness';

let target: Target;
let clients: Clients;

beforeAll(async () => {
  target = await startTarget();
  clients = new Clients(target);
});
afterEach(() => clients.closeAll());
afterAll(() => target.close());

/** Proves the server still serves everyone else: a fresh pusher-js client gets an SDK event. */
async function stillServing(): Promise<void> {
  const client = await clients.connect();
  const name = uniqueName('alive-');
  const channel = await subscribed(client, name);
  const received = once<unknown>((resolve) => channel.bind('still-here', resolve), 'an event after the bad input');
  await target.sdk.trigger(name, 'still-here', { ok: true });
  expect(await received).toEqual({ ok: true });
}

function errorCodeOf(client: PusherClient): Promise<number> {
  return once((resolve) => {
    client.connection.bind('error', (error: { data?: { code?: number }; error?: { data?: { code?: number } } }) => {
      const code = error.data?.code ?? error.error?.data?.code;
      if (code !== undefined) resolve(code);
    });
  }, 'a pusher-js error with a code');
}

function state(client: PusherClient, wanted: string): Promise<void> {
  if (client.connection.state === wanted) return Promise.resolve();
  return once((resolve) => client.connection.bind('state_change', ({ current }: { current: string }) => current === wanted && resolve(undefined)), `pusher-js state ${wanted}`);
}

describe('connection handshake', () => {
  it('sends pusher:connection_established with data as a JSON string holding socket_id and activity_timeout', async () => {
    const raw = await clients.rawClient();
    const established = raw.frames.items.find((frame) => frame.event === 'pusher:connection_established')!;
    expect(typeof established.data).toBe('string');
    const data = JSON.parse(established.data as string);
    expect(data.socket_id).toMatch(/^\d+\.\d+$/);
    expect(typeof data.activity_timeout).toBe('number');
    expect(data.activity_timeout).toBeGreaterThan(0);

    const client = await clients.connect();
    expect(client.connection.socket_id).toMatch(/^\d+\.\d+$/);
    expect(client.connection.socket_id).not.toBe(data.socket_id);
  });

  it('answers pusher:ping with pusher:pong', async () => {
    const raw = await clients.rawClient();
    const after = raw.frames.mark();
    raw.send({ event: 'pusher:ping', data: {} });
    const pong = await raw.frames.waitFor(raw.event('pusher:pong'), 'pusher:pong', { after });
    expect(pong.event).toBe('pusher:pong');
  });

  it.skipIf(externalTarget)(`pings a quiet client and closes it with 4201 when it does not answer (${externalSkipReason})`, async () => {
    const answering = await clients.rawClient();
    const silent = await clients.rawClient({ ignorePings: true });
    await silent.frames.waitFor(silent.event('pusher:ping'), 'a server pusher:ping to the quiet client');
    expect((await silent.closed).code).toBe(4201);
    // The client that answered its ping was pinged in the same sweep and must still be there.
    await answering.frames.waitFor(answering.event('pusher:ping'), 'a server pusher:ping to the answering client');
    const after = answering.frames.mark();
    answering.send({ event: 'pusher:ping', data: {} });
    await answering.frames.waitFor(answering.event('pusher:pong'), 'pusher:pong after the sweep', { after });
  });
});

describe('refused connections', () => {
  it('refuses an unknown app key with pusher:error 4001 and close code 4001', async () => {
    const raw = await clients.rawClient({ key: 'no-such-app-key', noHandshake: true });
    const error = await raw.error(4001);
    expect(error.payload.code).toBe(4001);
    expect((await raw.closed).code).toBe(4001);
  });

  it('makes pusher-js give up on an unknown key (4001 is "refused": disconnected, no reconnect loop)', async () => {
    // pusher-js starts connecting inside its constructor, before anything can be bound.
    const client = clients.create({ key: 'no-such-app-key' });
    const states: string[] = [];
    client.connection.bind('state_change', ({ current }: { current: string }) => states.push(current));
    const code = errorCodeOf(client);
    const disconnected = state(client, 'disconnected');
    expect(await code).toBe(4001);
    await disconnected;
    // A retry or backoff action would have left a timer or a running strategy behind.
    const manager = client.connection as unknown as { retryTimer?: unknown; runner?: unknown };
    expect(manager.retryTimer ?? null).toBeNull();
    expect(manager.runner ?? null).toBeNull();
    expect(states).not.toContain('connecting');
    expect(client.connection.state).toBe('disconnected');
  });

  it('refuses an unsupported protocol version with 4007', async () => {
    const raw = await clients.rawClient({ query: 'protocol=3', noHandshake: true });
    expect((await raw.error(4007)).payload.code).toBe(4007);
    expect((await raw.closed).code).toBe(4007);
  });

  // The protocol still describes a deprecated fallback (infer the version, else protocol 1) that a
  // hosted or older server may follow; 4008 is the code it names as that fallback's replacement.
  it.skipIf(externalTarget)('refuses a connection without the protocol parameter with 4008 (other servers may still follow the deprecated fallback)', async () => {
    for (const query of ['client=conformance&version=8.6.0', 'protocol=&client=conformance']) {
      const raw = await clients.rawClient({ query, noHandshake: true });
      expect((await raw.error(4008)).payload.code, query).toBe(4008);
      expect((await raw.closed).code, query).toBe(4008);
      expect(raw.frames.count(raw.event('pusher:connection_established')), query).toBe(0);
    }
    await stillServing();
  });

  it('refuses a connection path it cannot decode without falling over', async () => {
    const raw = await RawClient.connect(target, { key: '%E0%A4%A', noHandshake: true });
    const closed = await raw.closed;
    expect(closed.code).not.toBe(1000);
    await stillServing();
  });
});

describe('user sign-in refused', () => {
  it('answers a bad pusher-js signin with 4009 and pusher-js stops', async () => {
    const client = clients.create({ signInAuth: (socketId) => ({ auth: `${target.key}:${'0'.repeat(64)}`, user_data: JSON.stringify({ id: `u-${socketId}` }) }) });
    await connected(client);
    const code = errorCodeOf(client);
    const disconnected = state(client, 'disconnected');
    client.signin();
    expect(await code).toBe(4009);
    await disconnected;
  });

  it('closes a raw client with 4009 and keeps nothing it sent after the refused signin', async () => {
    const raw = await clients.rawClient();
    const presence = uniqueName('presence-ghost-');
    const channelData = JSON.stringify({ user_id: 'ghost' });
    const auth = target.sdk.authorizeChannel(raw.socketId, presence, { user_id: 'ghost' }).auth;
    // Sent back to back: the subscribe reaches the server after it has refused the connection.
    raw.send({ event: 'pusher:signin', data: { auth: `${target.key}:bad`, user_data: JSON.stringify({ id: 'ghost' }) } });
    raw.send({ event: 'pusher:subscribe', data: { channel: presence, auth, channel_data: channelData } });
    expect((await raw.error(4009)).payload.code).toBe(4009);
    expect((await raw.closed).code).toBe(4009);
    const response = await target.sdk.get({ path: `/channels/${presence}`, params: { info: 'user_count,subscription_count' } });
    expect(await response.json()).toMatchObject({ occupied: false });
  });
});

describe('robustness', () => {
  it('answers bad JSON, binary frames and unknown events with pusher:error and keeps the connection', async () => {
    const raw = await clients.rawClient();
    let after = raw.frames.mark();
    raw.sendRaw('{"event": "pusher:subscribe", "data": ');
    await raw.error(undefined, after);
    after = raw.frames.mark();
    raw.sendRaw(Buffer.from([0, 1, 2, 3, 255]), { binary: true });
    await raw.error(undefined, after);
    after = raw.frames.mark();
    raw.send({ event: 'pusher:no-such-event', data: {} });
    await raw.error(undefined, after);
    after = raw.frames.mark();
    raw.send(['not', 'an', 'object']);
    await raw.error(undefined, after);
    after = raw.frames.mark();
    raw.send({ event: 'pusher:ping', data: {} });
    await raw.frames.waitFor(raw.event('pusher:pong'), 'pusher:pong after the bad frames', { after });
    await stillServing();
  });

  it('refuses an oversized frame and keeps serving others', async () => {
    const raw = await clients.rawClient();
    const after = raw.frames.mark();
    raw.send({ event: 'client-huge', channel: 'private-x', data: 'x'.repeat(1024 * 1024) });
    // Either answer is a refusal: a pusher:error, or the WebSocket "message too big" close.
    const outcome = await Promise.race([raw.error(undefined, after).then(() => 'error').catch(() => 'closed'), raw.closed.then(({ code }) => `closed ${code}`)]);
    if (outcome !== 'error') expect((await raw.closed).code).toBe(1009);
    await stillServing();
  });

  it('refuses a frame flood with pusher:error instead of queueing it', async () => {
    const raw = await clients.rawClient();
    const after = raw.frames.mark();
    for (let i = 0; i < 500; i++) raw.send({ event: 'pusher:ping', data: {} });
    const error = await raw.error(undefined, after);
    // Answers go out in order: the pongs before the error are the frames the server accepted.
    const pongsBeforeError = raw.frames.items.slice(after, raw.frames.items.indexOf(error)).filter(raw.event('pusher:pong')).length;
    expect(pongsBeforeError).toBeLessThan(500);
    await stillServing();
  });
});

describe('pusher-js end to end', () => {
  it('connects, subscribes and receives an SDK event', async () => {
    const client = await clients.connect();
    const name = uniqueName('public-');
    const log = record(await subscribed(client, name));
    await target.sdk.trigger(name, 'hello', { n: 1 });
    expect((await log.waitFor((event) => event.event === 'hello', 'hello')).data).toEqual({ n: 1 });
  });
});
