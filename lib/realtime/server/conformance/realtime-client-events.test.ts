/** Client events: who may send them, who gets them, and how many. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Clients, once, type RawClient, record, startTarget, subscribed, type Target, uniqueName } from './realtime-harness';

let target: Target;
let clients: Clients;

beforeAll(async () => {
  target = await startTarget();
  clients = new Clients(target);
});
afterEach(() => clients.closeAll());
afterAll(() => target.close());

async function privatePair(prefix = 'private-'): Promise<{ name: string; sender: RawClient; receiver: RawClient }> {
  const name = uniqueName(prefix);
  const sender = await clients.rawClient();
  const receiver = await clients.rawClient();
  for (const raw of [sender, receiver]) {
    const answer = await raw.subscribe(name, target.sdk.authorizeChannel(raw.socketId, name));
    expect(answer.event).toBe('pusher_internal:subscription_succeeded');
  }
  return { name, sender, receiver };
}

/** An SDK event after the client events: once it is in, anything the server relayed is in too. */
async function marker(receiver: RawClient, channel: string): Promise<void> {
  const event = `marker-${uniqueName('')}`;
  await target.sdk.trigger(channel, event, {});
  await receiver.frames.waitFor(receiver.event(event, channel), 'the marker event');
}

describe('client events', () => {
  it('are relayed between pusher-js clients on a private channel and never echoed to the sender', async () => {
    const name = uniqueName('private-');
    const alice = await clients.connect();
    const bob = await clients.connect();
    const aliceChannel = await subscribed(alice, name);
    const aliceLog = record(aliceChannel);
    const bobLog = record(await subscribed(bob, name));

    expect(aliceChannel.trigger('client-typing', { who: 'alice' })).toBe(true);
    const got = await bobLog.waitFor((event) => event.event === 'client-typing', 'client-typing at bob');
    expect(got.data).toEqual({ who: 'alice' });
    await target.sdk.trigger(name, 'after', {});
    await aliceLog.waitFor((event) => event.event === 'after', 'the marker at alice');
    expect(aliceLog.count((event) => event.event === 'client-typing')).toBe(0);
  });

  it('carry the sender user_id on presence channels', async () => {
    const name = uniqueName('presence-');
    const alice = await clients.connect({ member: { user_id: 'alice' } });
    const bob = await clients.connect({ member: { user_id: 'bob' } });
    const aliceChannel = await subscribed(alice, name);
    const bobChannel = await subscribed(bob, name);
    // pusher-js hands the sender's user_id only to callbacks bound to the event itself.
    const got = once<{ data: unknown; meta?: { user_id?: string } }>(
      (resolve) => bobChannel.bind('client-wave', (data: unknown, meta?: { user_id?: string }) => resolve({ data, meta })),
      'client-wave at bob',
    );
    const raw = await clients.rawClient();
    await raw.subscribe(name, target.sdk.authorizeChannel(raw.socketId, name, { user_id: 'carol' }));

    aliceChannel.trigger('client-wave', { hi: true });
    expect(await got).toEqual({ data: { hi: true }, meta: { user_id: 'alice' } });
    const wire = await raw.frames.waitFor(raw.event('client-wave', name), 'client-wave on the wire');
    expect(wire.user_id).toBe('alice');
    expect(wire.payload).toEqual({ hi: true });
  });

  it('are refused with 4301 on public channels', async () => {
    const name = uniqueName('public-');
    const sender = await clients.rawClient();
    const receiver = await clients.rawClient();
    await sender.subscribe(name);
    await receiver.subscribe(name);
    sender.send({ event: 'client-shout', channel: name, data: {} });
    expect((await sender.error(4301)).payload.code).toBe(4301);
    await marker(receiver, name);
    expect(receiver.frames.count(receiver.event('client-shout'))).toBe(0);
  });

  it('are refused with 4301 on encrypted channels, whose data the server must not see in clear', async () => {
    const { name, sender, receiver } = await privatePair('private-encrypted-');
    sender.send({ event: 'client-leak', channel: name, data: { clear: 'text' } });
    await sender.error(4301);
    await marker(receiver, name);
    expect(receiver.frames.count(receiver.event('client-leak'))).toBe(0);
  });

  it('are refused with 4301 from a socket not subscribed to the channel', async () => {
    const { name, receiver } = await privatePair();
    const outsider = await clients.rawClient();
    outsider.send({ event: 'client-intrude', channel: name, data: {} });
    await outsider.error(4301);
    await marker(receiver, name);
    expect(receiver.frames.count(receiver.event('client-intrude'))).toBe(0);
  });

  it('are limited to 10 per second per connection: the 11th gets 4301 and is dropped', async () => {
    const { name, sender, receiver } = await privatePair();
    for (let i = 1; i <= 11; i++) sender.send({ event: 'client-tick', channel: name, data: { i } });
    await sender.error(4301);
    await marker(receiver, name);
    const ticks = receiver.frames.items.filter(receiver.event('client-tick', name)).map((frame) => frame.payload.i);
    expect(ticks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('are refused with 4301 when their data is over 10 KB', async () => {
    const { name, sender, receiver } = await privatePair();
    sender.send({ event: 'client-big', channel: name, data: 'x'.repeat(10 * 1024 + 1) });
    await sender.error(4301);
    await marker(receiver, name);
    expect(receiver.frames.count(receiver.event('client-big'))).toBe(0);
  });
});
