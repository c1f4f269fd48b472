/** Subscriptions: public, private, presence and encrypted channels, and channel-name rules. */
import { createHmac } from 'node:crypto';
import type { PresenceChannel } from 'pusher-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Clients, once, record, type RawClient, startTarget, subscribe, subscribed, type Target, uniqueName } from './realtime-harness';

let target: Target;
let clients: Clients;

beforeAll(async () => {
  target = await startTarget();
  clients = new Clients(target);
});
afterEach(() => clients.closeAll());
afterAll(() => target.close());

/** The server handles a connection's frames in order: once the pong is back, the rest are done. */
async function settled(raw: RawClient): Promise<void> {
  const after = raw.frames.mark();
  raw.send({ event: 'pusher:ping', data: {} });
  await raw.frames.waitFor(raw.event('pusher:pong'), 'pusher:pong', { after });
}

function refused(answer: { event: string }): boolean {
  return answer.event === 'pusher:subscription_error' || answer.event === 'pusher:error';
}

function presenceAuth(raw: RawClient, channel: string, member: { user_id: string; user_info?: Record<string, unknown> }) {
  return target.sdk.authorizeChannel(raw.socketId, channel, member);
}

describe('public channels', () => {
  it('delivers to subscribers and stops after pusher:unsubscribe', async () => {
    const raw = await clients.rawClient();
    const name = uniqueName('public-');
    const other = uniqueName('public-');
    expect((await raw.subscribe(name)).event).toBe('pusher_internal:subscription_succeeded');
    expect((await raw.subscribe(other)).event).toBe('pusher_internal:subscription_succeeded');

    await target.sdk.trigger(name, 'first', { n: 1 });
    const first = await raw.frames.waitFor(raw.event('first', name), 'the first event');
    expect(typeof first.data).toBe('string');
    expect(first.payload).toEqual({ n: 1 });

    raw.send({ event: 'pusher:unsubscribe', data: { channel: name } });
    await settled(raw);
    await target.sdk.trigger(name, 'after-unsubscribe', {});
    await target.sdk.trigger(other, 'marker', {});
    await raw.frames.waitFor(raw.event('marker', other), 'the marker on the other channel');
    expect(raw.frames.count(raw.event('after-unsubscribe'))).toBe(0);
  });
});

describe('private channels', () => {
  it('accepts the signature over socket_id:channel from pusher-js', async () => {
    const client = await clients.connect();
    const name = uniqueName('private-');
    const log = record(await subscribed(client, name));
    await target.sdk.trigger(name, 'secret-news', { ok: 1 });
    expect((await log.waitFor((event) => event.event === 'secret-news', 'secret-news')).data).toEqual({ ok: 1 });
  });

  it('gives pusher-js a subscription_error for a signature made with the wrong secret', async () => {
    const client = await clients.connect({
      authorize: (socketId, channel) => ({ auth: `${target.key}:${createHmac('sha256', 'wrong-secret').update(`${socketId}:${channel}`).digest('hex')}` }),
    });
    const { error } = await subscribe(client, uniqueName('private-'));
    expect(error).toBeDefined();
  });

  it('refuses a signature made for another socket or another channel, or none at all', async () => {
    const raw = await clients.rawClient();
    const name = uniqueName('private-');
    const forOtherSocket = target.sdk.authorizeChannel('1234.5678', name);
    expect((await raw.subscribe(name, forOtherSocket)).event).toBe('pusher:subscription_error');
    const forOtherChannel = target.sdk.authorizeChannel(raw.socketId, uniqueName('private-'));
    expect((await raw.subscribe(name, forOtherChannel)).event).toBe('pusher:subscription_error');
    expect(refused(await raw.subscribe(name))).toBe(true);
    expect((await raw.subscribe(name, target.sdk.authorizeChannel(raw.socketId, name))).event).toBe('pusher_internal:subscription_succeeded');
  });
});

describe('presence channels', () => {
  it('lists members in subscription_succeeded and counts member_added/member_removed per user', async () => {
    const name = uniqueName('presence-');
    const alice = await clients.rawClient();
    const joined = await alice.subscribe(name, presenceAuth(alice, name, { user_id: 'alice', user_info: { name: 'Alice' } }));
    expect(joined.event).toBe('pusher_internal:subscription_succeeded');
    expect(typeof joined.data).toBe('string');
    expect(joined.payload.presence).toEqual({ ids: ['alice'], hash: { alice: { name: 'Alice' } }, count: 1 });

    const bobTab1 = await clients.rawClient();
    const bobTab2 = await clients.rawClient();
    await bobTab1.subscribe(name, presenceAuth(bobTab1, name, { user_id: 'bob', user_info: { name: 'Bob' } }));
    const added = await alice.frames.waitFor(alice.event('pusher_internal:member_added', name), 'member_added for bob');
    expect(added.payload).toEqual({ user_id: 'bob', user_info: { name: 'Bob' } });

    const second = await bobTab2.subscribe(name, presenceAuth(bobTab2, name, { user_id: 'bob', user_info: { name: 'Bob' } }));
    const presence = second.payload.presence as { ids: string[]; count: number };
    expect(presence.count).toBe(2);
    expect([...presence.ids].sort()).toEqual(['alice', 'bob']);

    // Bob's first tab leaves: he is still there through the second one.
    bobTab1.send({ event: 'pusher:unsubscribe', data: { channel: name } });
    await settled(bobTab1);
    await target.sdk.trigger(name, 'marker', {});
    await alice.frames.waitFor(alice.event('marker', name), 'the marker');
    expect(alice.frames.count(alice.event('pusher_internal:member_added'))).toBe(1);
    expect(alice.frames.count(alice.event('pusher_internal:member_removed'))).toBe(0);

    await bobTab2.close();
    const removed = await alice.frames.waitFor(alice.event('pusher_internal:member_removed', name), 'member_removed for bob');
    expect(removed.payload).toEqual({ user_id: 'bob' });
  });

  it('keeps pusher-js members in step', async () => {
    const name = uniqueName('presence-');
    const alice = await clients.connect({ member: { user_id: 'alice', user_info: { name: 'Alice' } } });
    const channel = (await subscribed(alice, name)) as PresenceChannel;
    expect(channel.members.count).toBe(1);
    expect(channel.members.me).toMatchObject({ id: 'alice', info: { name: 'Alice' } });

    const added = once<{ id: string; info: unknown }>((resolve) => channel.bind('pusher:member_added', resolve), 'pusher:member_added');
    const bob = await clients.connect({ member: { user_id: 'bob', user_info: { name: 'Bob' } } });
    await subscribed(bob, name);
    expect(await added).toMatchObject({ id: 'bob', info: { name: 'Bob' } });
    expect(channel.members.count).toBe(2);

    const removed = once<{ id: string }>((resolve) => channel.bind('pusher:member_removed', resolve), 'pusher:member_removed');
    bob.disconnect();
    expect((await removed).id).toBe('bob');
    expect(channel.members.count).toBe(1);
  });

  it('refuses the 101st distinct user but not another connection of a member', async () => {
    const name = uniqueName('presence-');
    const members = await Promise.all(Array.from({ length: 100 }, () => clients.rawClient()));
    const answers = await Promise.all(members.map((raw, i) => raw.subscribe(name, presenceAuth(raw, name, { user_id: `member-${i}` }))));
    expect(answers.every((answer) => answer.event === 'pusher_internal:subscription_succeeded')).toBe(true);

    const newcomer = await clients.rawClient();
    const refusal = await newcomer.subscribe(name, presenceAuth(newcomer, name, { user_id: 'member-100' }));
    expect(refusal.event).toBe('pusher:subscription_error');

    const secondTab = await clients.rawClient();
    const accepted = await secondTab.subscribe(name, presenceAuth(secondTab, name, { user_id: 'member-7' }));
    expect(accepted.event).toBe('pusher_internal:subscription_succeeded');
    expect((accepted.payload.presence as { count: number }).count).toBe(100);
  });

  it('refuses presence without channel_data signed with it', async () => {
    const raw = await clients.rawClient();
    const name = uniqueName('presence-');
    const signed = presenceAuth(raw, name, { user_id: 'mallory' });
    const forged = JSON.stringify({ user_id: 'admin' });
    expect(refused(await raw.subscribe(name, { auth: signed.auth, channel_data: forged }))).toBe(true);
    expect(refused(await raw.subscribe(name, { auth: signed.auth }))).toBe(true);
  });
});

describe('encrypted channels', () => {
  it('relays the SDK ciphertext untouched and pusher-js decrypts it', async () => {
    const name = uniqueName('private-encrypted-');
    const client = await clients.connect();
    const log = record(await subscribed(client, name));
    const raw = await clients.rawClient();
    expect((await raw.subscribe(name, target.sdk.authorizeChannel(raw.socketId, name))).event).toBe('pusher_internal:subscription_succeeded');

    await target.sdk.trigger(name, 'sealed', { secret: 'plaintext-value-42' });
    expect((await log.waitFor((event) => event.event === 'sealed', 'the decrypted event')).data).toEqual({ secret: 'plaintext-value-42' });
    const wire = await raw.frames.waitFor(raw.event('sealed', name), 'the raw encrypted event');
    expect(Object.keys(wire.payload).sort()).toEqual(['ciphertext', 'nonce']);
    expect(JSON.stringify(wire.data)).not.toContain('plaintext-value-42');
  });

  it('refuses an encrypted channel signed for another socket', async () => {
    const raw = await clients.rawClient();
    const name = uniqueName('private-encrypted-');
    expect((await raw.subscribe(name, target.sdk.authorizeChannel('1.2', name))).event).toBe('pusher:subscription_error');
  });
});

describe('channel names', () => {
  it('refuses characters outside A-Z a-z 0-9 _ - = @ , . ;', async () => {
    const raw = await clients.rawClient();
    for (const name of ['bad channel', 'bad/channel', 'bad*channel', 'bad"channel', '']) {
      expect(refused(await raw.subscribe(name)), name).toBe(true);
    }
    expect((await raw.subscribe(`ok_-=@,.;${uniqueName('')}`)).event).toBe('pusher_internal:subscription_succeeded');
  });

  it('accepts 164 characters and refuses 165', async () => {
    const raw = await clients.rawClient();
    const base = uniqueName('long-');
    const longest = base.padEnd(164, 'x');
    const tooLong = base.padEnd(165, 'x');
    expect(refused(await raw.subscribe(tooLong))).toBe(true);
    expect((await raw.subscribe(longest)).event).toBe('pusher_internal:subscription_succeeded');
    await target.sdk.trigger(longest, 'long-ok', {});
    await raw.frames.waitFor(raw.event('long-ok', longest), 'an event on the 164-character channel');
  });
});
