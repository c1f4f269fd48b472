/**
 * Plaza's own limits on what a connection may subscribe to: at most 100 channels at once, and
 * public channels (which need no signature) only by the names the server is configured to serve.
 * Pusher Channels and Soketi set their own limits, so these run against the embedded server only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { plazaPublicChannels } from '../config';
import { Clients, externalTarget, plazaExtensionSkipReason, type RawClient, record, startTarget, subscribe, subscribed, type Target, uniqueName } from './realtime-harness';

const channelLimit = 100;

let target: Target;
let clients: Clients;

beforeAll(async () => {
  target = await startTarget();
  clients = new Clients(target);
});
afterEach(() => clients.closeAll());
afterAll(() => target.close());

/**
 * Subscribes in waves of 50 a second apart: the server also takes at most 100 frames a second
 * from one connection, and this is about the channel limit, not that one.
 */
async function inWaves(names: string[], subscribeTo: (name: string) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < names.length; i += 50) {
    const started = Date.now();
    await Promise.all(names.slice(i, i + 50).map(subscribeTo));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1050 - (Date.now() - started))));
  }
}

/** The server handles a connection's frames in order: once the pong is back, the rest are done. */
async function settled(raw: RawClient): Promise<void> {
  const after = raw.frames.mark();
  raw.send({ event: 'pusher:ping', data: {} });
  await raw.frames.waitFor(raw.event('pusher:pong'), 'pusher:pong', { after });
}

describe.skipIf(externalTarget)(`channels per connection (${plazaExtensionSkipReason})`, () => {
  it('refuses the 101st channel with pusher:subscription_error on that channel and keeps the other 100', async () => {
    const raw = await clients.rawClient();
    const prefix = uniqueName('many-');
    // Every kind counts: a signature does not make a subscription free to hold.
    const names = Array.from({ length: channelLimit }, (_, i) => (i % 2 === 0 ? `${prefix}-${i}` : `private-${prefix}-${i}`));
    await inWaves(names, async (name) => {
      const auth = name.startsWith('private-') ? target.sdk.authorizeChannel(raw.socketId, name) : undefined;
      expect((await raw.subscribe(name, auth)).event, name).toBe('pusher_internal:subscription_succeeded');
    });

    const extra = `private-${prefix}-extra`;
    const refusal = await raw.subscribe(extra, target.sdk.authorizeChannel(raw.socketId, extra));
    expect(refusal).toMatchObject({ event: 'pusher:subscription_error', channel: extra, payload: { type: 'LimitReached', status: 4100 } });
    expect(String(refusal.payload.error)).toContain(String(channelLimit));
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);

    // The refused channel gets nothing; the held ones still do.
    await target.sdk.trigger(extra, 'not-for-you', {});
    await target.sdk.trigger(names[0]!, 'still-held', {});
    await raw.frames.waitFor(raw.event('still-held', names[0]), 'an event on a held channel');
    expect(raw.frames.count(raw.event('not-for-you'))).toBe(0);

    // Subscribing again to a held channel is not a new one; leaving one makes room.
    expect((await raw.subscribe(names[0]!)).event).toBe('pusher_internal:subscription_succeeded');
    raw.send({ event: 'pusher:unsubscribe', data: { channel: names[0] } });
    await settled(raw);
    expect((await raw.subscribe(extra, target.sdk.authorizeChannel(raw.socketId, extra))).event).toBe('pusher_internal:subscription_succeeded');
  });

  it('hands pusher-js the refusal on the refused channel’s own pusher:subscription_error', async () => {
    const client = await clients.connect();
    const prefix = uniqueName('many-js-');
    await inWaves(Array.from({ length: channelLimit }, (_, i) => `private-${prefix}-${i}`), (name) => subscribed(client, name));
    const { error } = await subscribe(client, `private-${prefix}-extra`);
    expect(error).toMatchObject({ type: 'LimitReached', status: 4100 });
    expect(client.connection.state).toBe('connected');
  });

  it('counts per connection: another connection still subscribes', async () => {
    const full = await clients.rawClient();
    const prefix = uniqueName('full-');
    await inWaves(Array.from({ length: channelLimit }, (_, i) => `${prefix}-${i}`), async (name) => expect((await full.subscribe(name)).event).toBe('pusher_internal:subscription_succeeded'));
    expect((await full.subscribe(`${prefix}-extra`)).event).toBe('pusher:subscription_error');
    const other = await clients.rawClient();
    expect((await other.subscribe(`${prefix}-extra`)).event).toBe('pusher_internal:subscription_succeeded');
  });
});

describe.skipIf(externalTarget)(`public channel names (${plazaExtensionSkipReason})`, () => {
  /** Runs `check` against a second embedded server, configured as the suite's but for its public channel names. */
  async function serving(publicChannels: readonly string[], check: (server: Target, own: Clients) => Promise<void>): Promise<void> {
    const server = await startTarget({ embedded: { publicChannels } });
    const own = new Clients(server);
    try {
      await check(server, own);
    } finally {
      await own.closeAll();
      await server.close();
    }
  }

  it('serves no public channel with Plaza’s list, which is empty, and still signs private and presence ones', async () => {
    expect(plazaPublicChannels).toEqual([]);
    await serving(plazaPublicChannels, async (server, own) => {
      const raw = await own.rawClient();
      for (const name of ['bench', uniqueName('public-'), 'user-ana1']) {
        const refusal = await raw.subscribe(name);
        expect(refusal, name).toMatchObject({ event: 'pusher:subscription_error', channel: name, payload: { type: 'AuthError', status: 403 } });
      }
      const client = await own.connect();
      expect((await subscribe(client, uniqueName('public-'))).error).toMatchObject({ type: 'AuthError', status: 403 });

      const privateName = uniqueName('private-user-');
      expect((await raw.subscribe(privateName, server.sdk.authorizeChannel(raw.socketId, privateName))).event).toBe('pusher_internal:subscription_succeeded');
      const presenceName = uniqueName('presence-chat-');
      const presenceAuth = server.sdk.authorizeChannel(raw.socketId, presenceName, { user_id: 'ana' });
      expect((await raw.subscribe(presenceName, presenceAuth)).event).toBe('pusher_internal:subscription_succeeded');
    });
  });

  it('serves exactly the public names it is configured with', async () => {
    const allowed = uniqueName('lobby-');
    await serving([allowed], async (server, own) => {
      const raw = await own.rawClient();
      expect((await raw.subscribe(allowed)).event).toBe('pusher_internal:subscription_succeeded');
      for (const name of [`${allowed}x`, allowed.slice(0, -1), uniqueName('public-')]) {
        expect((await raw.subscribe(name)).event, name).toBe('pusher:subscription_error');
      }
      const log = record(await subscribed(await own.connect(), allowed));
      await server.sdk.trigger(allowed, 'welcome', { n: 1 });
      expect((await log.waitFor((event) => event.event === 'welcome', 'welcome')).data).toEqual({ n: 1 });
    });
  });
});
