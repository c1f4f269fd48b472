/** The signed HTTP API the `pusher` SDK calls: signing, events, batches and channel queries. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Clients, type RawClient, sdkGet, signedFetch, startTarget, type Target, uniqueName } from './realtime-harness';

let target: Target;
let clients: Clients;

beforeAll(async () => {
  target = await startTarget();
  clients = new Clients(target);
});
afterEach(() => clients.closeAll());
afterAll(() => target.close());

async function subscriber(...channels: string[]): Promise<RawClient> {
  const raw = await clients.rawClient();
  for (const channel of channels) {
    const auth = channel.startsWith('private-') ? target.sdk.authorizeChannel(raw.socketId, channel) : undefined;
    expect((await raw.subscribe(channel, auth)).event).toBe('pusher_internal:subscription_succeeded');
  }
  return raw;
}

async function presenceMember(channel: string, userId: string): Promise<RawClient> {
  const raw = await clients.rawClient();
  const answer = await raw.subscribe(channel, target.sdk.authorizeChannel(raw.socketId, channel, { user_id: userId }));
  expect(answer.event).toBe('pusher_internal:subscription_succeeded');
  return raw;
}

/** An SDK event after the calls under test: once it is in, anything they delivered is in too. */
async function marker(raw: RawClient, channel: string): Promise<void> {
  const event = `marker-${uniqueName('')}`;
  await target.sdk.trigger(channel, event, {});
  await raw.frames.waitFor(raw.event(event, channel), 'the marker event');
}

function event(channel: string, name = 'http-event', data = '{}') {
  return { name, channel, data };
}

describe('request signing', () => {
  const path = '/events';
  let channel: string;
  let raw: RawClient;

  beforeAll(() => {
    channel = uniqueName('signed-');
  });

  it('accepts a correctly hand-signed request', async () => {
    raw = await subscriber(channel);
    const response = await signedFetch(target, { method: 'POST', path, body: { name: 'signed-ok', channels: [channel], data: '{}' } });
    expect(response.status).toBe(200);
    await raw.frames.waitFor(raw.event('signed-ok', channel), 'the signed event');
  });

  it.each([
    ['a bad signature', { secret: 'not-the-secret' }],
    ['a wrong key', { key: 'not-the-key' }],
    ['an auth_timestamp 601 s old', { timestampOffset: -601 }],
    ['an auth_timestamp 605 s ahead', { timestampOffset: 605 }],
    ['a wrong body_md5', { bodyMd5: 'd41d8cd98f00b204e9800998ecf8427e' }],
  ])('refuses %s with 401 and delivers nothing', async (_label, tamper) => {
    raw = await subscriber(channel);
    const response = await signedFetch(target, { method: 'POST', path, body: { name: 'forged', channels: [channel], data: '{}' }, tamper });
    expect(response.status).toBe(401);
    await marker(raw, channel);
    expect(raw.frames.count(raw.event('forged'))).toBe(0);
  });

  it('answers a path it cannot decode with a 4xx, not a server error', async () => {
    const response = await signedFetch(target, { method: 'GET', path: '/channels/%E0%A4%A' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('refuses a tampered GET as well', async () => {
    expect((await signedFetch(target, { method: 'GET', path: '/channels' })).status).toBe(200);
    expect((await signedFetch(target, { method: 'GET', path: '/channels', tamper: { secret: 'nope' } })).status).toBe(401);
  });
});

describe('POST /events', () => {
  it('sends to 1–100 channels and refuses 101', async () => {
    const prefix = uniqueName('fan-');
    const channels = Array.from({ length: 101 }, (_, i) => `${prefix}-${i}`);
    const raw = await subscriber(channels[0]!, channels[99]!, channels[100]!);
    const tooMany = await signedFetch(target, { method: 'POST', path: '/events', body: { name: 'too-many', channels, data: '{}' } });
    expect(tooMany.status).toBe(400);
    const hundred = await signedFetch(target, { method: 'POST', path: '/events', body: { name: 'hundred', channels: channels.slice(0, 100), data: '{}' } });
    expect(hundred.status).toBe(200);
    await raw.frames.waitFor(raw.event('hundred', channels[99]), 'the event on the 100th channel');
    await raw.frames.waitFor(raw.event('hundred', channels[0]), 'the event on the first channel');
    await marker(raw, channels[100]!);
    expect(raw.frames.count(raw.event('too-many'))).toBe(0);
    expect(raw.frames.count(raw.event('hundred', channels[100]))).toBe(0);
  });

  it('accepts an event name of 200 characters and refuses 201', async () => {
    const channel = uniqueName('names-');
    const raw = await subscriber(channel);
    const longest = 'n'.repeat(200);
    expect((await signedFetch(target, { method: 'POST', path: '/events', body: { name: `${longest}x`, channels: [channel], data: '{}' } })).status).toBe(400);
    expect((await signedFetch(target, { method: 'POST', path: '/events', body: { name: longest, channels: [channel], data: '{}' } })).status).toBe(200);
    await raw.frames.waitFor(raw.event(longest, channel), 'the 200-character event');
  });

  it('accepts 10 KB of data and refuses more, however much more', async () => {
    const channel = uniqueName('size-');
    const raw = await subscriber(channel);
    const limit = 10 * 1024;
    const send = (name: string, bytes: number) => signedFetch(target, { method: 'POST', path: '/events', body: { name, channels: [channel], data: 'd'.repeat(bytes) } });
    const justOver = await send('just-over', limit + 1);
    expect(justOver.status).toBeGreaterThanOrEqual(400);
    expect(justOver.status).toBeLessThan(500);
    const wayOver = await send('way-over', 2 * 1024 * 1024);
    expect(wayOver.status).toBeGreaterThanOrEqual(400);
    expect(wayOver.status).toBeLessThan(500);
    expect((await send('at-limit', limit)).status).toBe(200);
    const delivered = await raw.frames.waitFor(raw.event('at-limit', channel), 'the 10 KB event');
    expect(delivered.data).toHaveLength(limit);
    expect(raw.frames.count(raw.event('just-over'))).toBe(0);
    expect(raw.frames.count(raw.event('way-over'))).toBe(0);
  });

  it('leaves out the socket named by socket_id and no one else', async () => {
    const channel = uniqueName('private-exclude-');
    const excluded = await subscriber(channel);
    const other = await subscriber(channel);
    await target.sdk.trigger(channel, 'not-for-you', { n: 1 }, { socket_id: excluded.socketId });
    await other.frames.waitFor(other.event('not-for-you', channel), 'the event at the other subscriber');
    await marker(excluded, channel);
    expect(excluded.frames.count(excluded.event('not-for-you'))).toBe(0);
  });

  it('returns subscription_count and user_count when asked with info', async () => {
    const channel = uniqueName('presence-info-');
    await presenceMember(channel, 'alice');
    await presenceMember(channel, 'alice');
    await presenceMember(channel, 'bob');
    const response = await target.sdk.trigger(channel, 'counted', {}, { info: 'subscription_count,user_count' });
    expect(await response.json()).toEqual({ channels: { [channel]: { subscription_count: 3, user_count: 2 } } });
  });
});

describe('POST /batch_events', () => {
  it('sends up to 10 events and refuses 11', async () => {
    const channel = uniqueName('batch-');
    const raw = await subscriber(channel);
    const eleven = Array.from({ length: 11 }, (_, i) => event(channel, `batch-${i}`));
    expect((await signedFetch(target, { method: 'POST', path: '/batch_events', body: { batch: eleven } })).status).toBe(400);
    await target.sdk.triggerBatch(Array.from({ length: 10 }, (_, i) => ({ channel, name: `ten-${i}`, data: { i } })));
    await raw.frames.waitFor(raw.event('ten-9', channel), 'the last event of the batch of 10');
    expect(raw.frames.items.filter((frame) => frame.event.startsWith('ten-')).map((frame) => frame.payload.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(raw.frames.count((frame) => frame.event.startsWith('batch-'))).toBe(0);
  });

  it('sends none of a batch that holds one bad event', async () => {
    const channel = uniqueName('batch-');
    const raw = await subscriber(channel);
    for (const bad of [event(channel, 'e'.repeat(201)), event(channel, 'big', 'x'.repeat(10 * 1024 + 1)), event('bad channel!', 'bad-name')]) {
      const response = await signedFetch(target, { method: 'POST', path: '/batch_events', body: { batch: [event(channel, 'good-1'), bad, event(channel, 'good-2')] } });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    await marker(raw, channel);
    expect(raw.frames.count((frame) => frame.event.startsWith('good-'))).toBe(0);
  });
});

describe('GET /channels', () => {
  it('lists occupied channels by prefix, with user_count for presence', async () => {
    const prefix = uniqueName('list-');
    await subscriber(`${prefix}-a`, `${prefix}-b`, uniqueName('elsewhere-'));
    const listed = await sdkGet(target, '/channels', { filter_by_prefix: prefix });
    expect(Object.keys(listed.channels as object).sort()).toEqual([`${prefix}-a`, `${prefix}-b`]);

    const presencePrefix = uniqueName('presence-list-');
    await presenceMember(`${presencePrefix}-room`, 'alice');
    await presenceMember(`${presencePrefix}-room`, 'bob');
    await presenceMember(`${presencePrefix}-room`, 'bob');
    const withCounts = await sdkGet(target, '/channels', { filter_by_prefix: presencePrefix, info: 'user_count' });
    expect(withCounts).toEqual({ channels: { [`${presencePrefix}-room`]: { user_count: 2 } } });
  });

  it('answers /channels/:name with occupied, subscription_count and user_count', async () => {
    const channel = uniqueName('presence-one-');
    expect(await sdkGet(target, `/channels/${channel}`)).toMatchObject({ occupied: false });
    await presenceMember(channel, 'alice');
    await presenceMember(channel, 'alice');
    await presenceMember(channel, 'carol');
    expect(await sdkGet(target, `/channels/${channel}`, { info: 'subscription_count,user_count' })).toEqual({ occupied: true, subscription_count: 3, user_count: 2 });

    const plain = uniqueName('plain-');
    await subscriber(plain);
    expect(await sdkGet(target, `/channels/${plain}`, { info: 'subscription_count' })).toEqual({ occupied: true, subscription_count: 1 });
  });

  it('answers /channels/:name/users with the presence members', async () => {
    const channel = uniqueName('presence-users-');
    await presenceMember(channel, 'alice');
    await presenceMember(channel, 'bob');
    await presenceMember(channel, 'bob');
    const { users } = (await sdkGet(target, `/channels/${channel}/users`)) as { users: Array<{ id: string }> };
    expect(users.map((user) => user.id).sort()).toEqual(['alice', 'bob']);
  });
});
