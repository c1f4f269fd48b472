/**
 * Webhooks, checked with the SDK's `webhook().isValid()` as the app checks them. Leaving events
 * are held back by the server's vacate delay, so absence is proven with a probe channel left
 * after the action under test: once the probe's channel_vacated is in, earlier leaves are in too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRealtimeServer } from '../server';
import { Clients, embeddedConfig, type EventLog, externalSkipReason, externalTarget, type RawClient, RawClient as Raw, startTarget, type Target, uniqueName, type WebhookCall } from './realtime-harness';

let target: Target;
let clients: Clients;
let webhooks: EventLog<WebhookCall>;

beforeAll(async () => {
  target = await startTarget({ webhooks: true });
  clients = new Clients(target);
  webhooks = target.webhooks!;
});
afterEach(() => clients.closeAll());
afterAll(() => target.close());

type WebhookEvent = WebhookCall['events'][number];

function eventsFor(channel: string): WebhookEvent[] {
  return webhooks.items.flatMap((call) => call.events).filter((event) => event.channel === channel);
}

function webhook(name: string, channel: string, userId?: string): Promise<WebhookCall> {
  return webhooks.waitFor(
    (call) => call.events.some((event) => event.name === name && event.channel === channel && (userId === undefined || event.user_id === userId)),
    `webhook ${name} for ${channel}${userId ? ` (${userId})` : ''}`,
  );
}

/** Every leaving event caused before this call has been delivered once it returns. */
async function drain(): Promise<void> {
  const probe = await clients.rawClient();
  const channel = uniqueName('probe-');
  await probe.subscribe(channel);
  await webhook('channel_occupied', channel);
  await probe.close();
  await webhook('channel_vacated', channel);
}

async function settled(raw: RawClient): Promise<void> {
  const after = raw.frames.mark();
  raw.send({ event: 'pusher:ping', data: {} });
  await raw.frames.waitFor(raw.event('pusher:pong'), 'pusher:pong', { after });
}

async function joinPresence(channel: string, userId: string): Promise<RawClient> {
  const raw = await clients.rawClient();
  const answer = await raw.subscribe(channel, target.sdk.authorizeChannel(raw.socketId, channel, { user_id: userId }));
  expect(answer.event).toBe('pusher_internal:subscription_succeeded');
  return raw;
}

afterEach(() => {
  expect(webhooks.items.filter((call) => !call.valid)).toEqual([]);
});

describe('webhooks', () => {
  it('sends channel_occupied and channel_vacated, signed so the SDK accepts them', async () => {
    const channel = uniqueName('hooked-');
    const client = await clients.connect();
    client.subscribe(channel);
    const occupied = await webhook('channel_occupied', channel);
    expect(occupied.valid).toBe(true);
    client.disconnect();
    await webhook('channel_vacated', channel);
    expect(eventsFor(channel).map((event) => event.name)).toEqual(['channel_occupied', 'channel_vacated']);
  });

  it('sends member_added and member_removed once per user, not per connection', async () => {
    const channel = uniqueName('presence-hooked-');
    const tab1 = await joinPresence(channel, 'alice');
    await webhook('member_added', channel, 'alice');
    const tab2 = await joinPresence(channel, 'alice');
    await tab1.close();
    await drain();
    expect(eventsFor(channel).filter((event) => event.name.startsWith('member_'))).toEqual([{ name: 'member_added', channel, user_id: 'alice' }]);

    await tab2.close();
    await webhook('member_removed', channel, 'alice');
    await webhook('channel_vacated', channel);
    expect(eventsFor(channel).map((event) => event.name)).toEqual(['channel_occupied', 'member_added', 'member_removed', 'channel_vacated']);
  });

  it('sends no vacated/occupied pair for a quick leave and return within the vacate delay', async () => {
    const channel = uniqueName('flap-');
    const raw = await clients.rawClient();
    await raw.subscribe(channel);
    await webhook('channel_occupied', channel);
    raw.send({ event: 'pusher:unsubscribe', data: { channel } });
    expect((await raw.subscribe(channel)).event).toBe('pusher_internal:subscription_succeeded');
    raw.send({ event: 'pusher:unsubscribe', data: { channel } });
    await settled(raw);
    await drain();
    expect(eventsFor(channel).map((event) => event.name)).toEqual(['channel_occupied', 'channel_vacated']);
  });

  it('sends no member_removed/member_added pair for a quick reconnect of the same user', async () => {
    const channel = uniqueName('presence-flap-');
    const first = await joinPresence(channel, 'bob');
    await webhook('member_added', channel, 'bob');
    await first.close();
    const second = await joinPresence(channel, 'bob');
    await second.close();
    await drain();
    const members = eventsFor(channel).filter((event) => event.name.startsWith('member_'));
    expect(members.map((event) => event.name)).toEqual(['member_added', 'member_removed']);
  });

  it.skipIf(externalTarget)(`delivers held-back leaving webhooks when the server shuts down (${externalSkipReason})`, async () => {
    const server = await startRealtimeServer({ ...embeddedConfig, webhookUrl: target.webhookUrl, webhookVacateDelayMs: 60_000 });
    const channel = uniqueName('presence-shutdown-');
    const raw = await Raw.connect({ host: '127.0.0.1', port: server.port, key: server.config.key });
    await raw.subscribe(channel, target.sdk.authorizeChannel(raw.socketId, channel, { user_id: 'zoe' }));
    await webhook('member_added', channel, 'zoe');
    await server.close();
    await webhook('member_removed', channel, 'zoe');
    await webhook('channel_vacated', channel);
  });
});
