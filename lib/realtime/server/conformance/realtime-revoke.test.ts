/**
 * Plaza's revoke extension (POST /apps/<id>/channels/<name>/revoke, docs/decisions/007): the
 * server closes the sockets that hold the channel with 4200, after a pusher:error saying why.
 * pusher-js reconnects at once on a new socket id and subscribes its channels again through the
 * app's authorizer; an old signature, bound to the old socket id, is worth nothing. Absence is
 * proved with a sentinel: one socket's frames arrive in order, so once an event sent later on
 * another channel is in, anything the revoked channel would have delivered is in too.
 */
import type PusherClient from 'pusher-js';
import type { Channel, PresenceChannel } from 'pusher-js';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Clients, externalTarget, once, plazaExtensionSkipReason, record, type RawClient, sdkGet, signedFetch, startTarget, subscribed, type Target, uniqueName } from './realtime-harness';

let target: Target;
let clients: Clients;

beforeAll(async () => {
  target = await startTarget({ webhooks: true });
  clients = new Clients(target);
});
afterEach(() => clients.closeAll());
afterAll(() => target.close());

/** As lib/realtime/publish.ts's revokeChannel calls it, but failing loudly. */
function revoke(channel: string, userId?: string) {
  // The SDK JSON-encodes the body itself; its typings call it a string.
  const body = (userId ? { user_id: userId } : {}) as unknown as string;
  return target.sdk.post({ path: `/channels/${encodeURIComponent(channel)}/revoke`, body });
}

async function rawSubscriber(channels: string[], member?: { user_id: string }): Promise<RawClient> {
  const raw = await clients.rawClient();
  for (const channel of channels) {
    const auth = channel.startsWith('public-') ? undefined : target.sdk.authorizeChannel(raw.socketId, channel, channel.startsWith('presence-') ? member : undefined);
    expect((await raw.subscribe(channel, auth)).event).toBe('pusher_internal:subscription_succeeded');
  }
  return raw;
}

/** The socket was closed with 4200, and the last thing it received was the pusher:error saying so. */
async function expectRevoked(raw: RawClient): Promise<void> {
  const { code } = await once<{ code: number }>((resolve) => void raw.closed.then(resolve), `the close of socket ${raw.socketId}`);
  expect(code).toBe(4200);
  const last = raw.frames.items.at(-1);
  expect(last?.event).toBe('pusher:error');
  expect(last?.payload).toMatchObject({ code: 4200, message: expect.stringMatching(/^Subscription revoked/) });
}

/**
 * Resolves with the new socket id once `channel` is subscribed again on a socket other than
 * the current one. Call it before the revoke, so the moment cannot be missed.
 */
function backOnNewSocket(client: PusherClient, channel: Channel): Promise<string> {
  const before = client.connection.socket_id;
  return once((resolve) => {
    channel.bind('pusher:subscription_succeeded', () => {
      if (client.connection.socket_id !== before) resolve(client.connection.socket_id);
    });
  }, `${channel.name} subscribed again on a new socket`);
}

async function sentinel(raws: RawClient[], channel: string): Promise<void> {
  const name = `sentinel-${uniqueName('')}`;
  await target.sdk.trigger(channel, name, {});
  await Promise.all(raws.map((raw) => raw.frames.waitFor(raw.event(name, channel), 'the sentinel event')));
}

describe.skipIf(externalTarget)(`revoking a channel (${plazaExtensionSkipReason})`, () => {
  it('closes every subscriber of a private channel with 4200, and pusher-js comes back on a new socket', async () => {
    // `=` and `@` are legal in channel names and percent-encoded in the path: signing must agree.
    const name = uniqueName('private-revoke=a@');
    const first = await clients.connect();
    const second = await clients.connect();
    const firstChannel = await subscribed(first, name);
    const secondChannel = await subscribed(second, name);
    const firstLog = record(firstChannel);
    const secondLog = record(secondChannel);
    const raw = await rawSubscriber([name]);
    expect(await sdkGet(target, `/channels/${name}`, { info: 'subscription_count' })).toEqual({ occupied: true, subscription_count: 3 });
    const oldSockets = [first.connection.socket_id, second.connection.socket_id];
    const back = [backOnNewSocket(first, firstChannel), backOnNewSocket(second, secondChannel)];

    const response = await revoke(name);
    expect(await response.json()).toEqual({});
    await expectRevoked(raw);
    const newSockets = await Promise.all(back);
    expect(newSockets[0]).not.toBe(oldSockets[0]);
    expect(newSockets[1]).not.toBe(oldSockets[1]);
    expect(await sdkGet(target, `/channels/${name}`, { info: 'subscription_count' })).toEqual({ occupied: true, subscription_count: 2 });

    await target.sdk.trigger(name, 'after-revoke', { n: 1 });
    expect((await firstLog.waitFor((event) => event.event === 'after-revoke', 'the event at the first client')).data).toEqual({ n: 1 });
    expect((await secondLog.waitFor((event) => event.event === 'after-revoke', 'the event at the second client')).data).toEqual({ n: 1 });
  });

  it('refuses the old subscribe frame when a revoked client replays it, on its own socket or a new one', async () => {
    const name = uniqueName('private-revoke-');
    const other = uniqueName('public-sentinel-');
    const victim = await rawSubscriber([]);
    const auth = target.sdk.authorizeChannel(victim.socketId, name);
    const replayFrame = { event: 'pusher:subscribe', data: { channel: name, ...auth } };
    expect((await victim.subscribe(name, auth)).event).toBe('pusher_internal:subscription_succeeded');
    // The fastest replay possible: sent the moment the error arrives, before the close frame is read.
    victim.socket.on('message', (data) => {
      if (String(data).includes('"pusher:error"') && victim.socket.readyState === WebSocket.OPEN) victim.send(replayFrame);
    });

    await revoke(name);
    await expectRevoked(victim);
    expect(victim.frames.count((frame) => frame.channel === name && frame.event !== 'pusher_internal:subscription_succeeded')).toBe(0);

    const replay = await rawSubscriber([other]);
    const before = replay.frames.mark();
    replay.send(replayFrame);
    const refused = await replay.frames.waitFor((frame) => frame.event === 'pusher:subscription_error' && frame.channel === name, 'the refused replay', { after: before });
    expect(refused.payload).toMatchObject({ type: 'AuthError', status: 401 });
    expect(await sdkGet(target, `/channels/${name}`)).toMatchObject({ occupied: false });
    await target.sdk.trigger(name, 'after-revoke', {});
    await sentinel([replay], other);
    expect(replay.frames.items.slice(before).filter((frame) => frame.channel === name && frame !== refused)).toEqual([]);
  });

  it('closes one presence member\'s connections only; the others keep their socket and see her leave once', async () => {
    const name = uniqueName('presence-revoke-');
    const aliceTabs = [await rawSubscriber([name], { user_id: 'alice' }), await rawSubscriber([name], { user_id: 'alice' })];
    const carol = await rawSubscriber([name], { user_id: 'carol' });
    const bob = await clients.connect({ member: { user_id: 'bob' } });
    const bobChannel = (await subscribed(bob, name)) as PresenceChannel;
    const bobLog = record(bobChannel);
    const bobSocket = bob.connection.socket_id;
    const bobStates: string[] = [];
    bob.connection.bind('state_change', ({ current }: { current: string }) => bobStates.push(current));
    expect(bobChannel.members.count).toBe(3);

    await revoke(name, 'alice');
    await Promise.all(aliceTabs.map(expectRevoked));
    const removed = await bobLog.waitFor((event) => event.event === 'pusher:member_removed', 'pusher:member_removed at bob');
    expect(removed.data).toMatchObject({ id: 'alice' });
    expect(bobChannel.members.count).toBe(2);
    const webhook = await target.webhooks!.waitFor((call) => call.events.some((event) => event.name === 'member_removed' && event.channel === name), 'the member_removed webhook');
    expect(webhook.valid).toBe(true);
    expect(webhook.events.filter((event) => event.name === 'member_removed' && event.channel === name)).toEqual([{ name: 'member_removed', channel: name, user_id: 'alice' }]);
    const { users } = (await sdkGet(target, `/channels/${name}/users`)) as { users: Array<{ id: string }> };
    expect(users.map((user) => user.id).sort()).toEqual(['bob', 'carol']);

    await target.sdk.trigger(name, 'after-revoke', { n: 1 });
    expect((await bobLog.waitFor((event) => event.event === 'after-revoke', 'the event at bob')).data).toEqual({ n: 1 });
    await carol.frames.waitFor(carol.event('after-revoke', name), 'the event at carol');
    // Alice's two tabs were one member: she left once. Bob and carol were never disconnected.
    expect(bobLog.count((event) => event.event === 'pusher:member_removed')).toBe(1);
    expect(carol.frames.count(carol.event('pusher_internal:member_removed', name))).toBe(1);
    expect(bob.connection.socket_id).toBe(bobSocket);
    expect(bobStates).toEqual([]);
    expect(carol.socket.readyState).toBe(WebSocket.OPEN);
    expect(carol.frames.count(carol.event('pusher:error'))).toBe(0);
  });

  it('leaves a pusher-js client out once its authorizer refuses, while its other channels come back', async () => {
    const name = uniqueName('private-revoke-');
    const other = uniqueName('public-sentinel-');
    let member = true;
    const client = await clients.connect({ authorize: (socketId, channel) => (member ? target.sdk.authorizeChannel(socketId, channel) : new Error('No longer a member')) });
    const channel = await subscribed(client, name);
    const otherChannel = await subscribed(client, other);
    const log = record(channel);
    const otherLog = record(otherChannel);
    const oldSocket = client.connection.socket_id;
    const otherBack = backOnNewSocket(client, otherChannel);

    member = false;
    await revoke(name);
    const error = await log.waitFor((event) => event.event === 'pusher:subscription_error', 'the refused subscription');
    expect(error.data).toMatchObject({ type: 'AuthError', error: 'No longer a member' });
    expect(await otherBack).not.toBe(oldSocket);
    expect(channel.subscribed).toBe(false);
    expect(await sdkGet(target, `/channels/${name}`)).toMatchObject({ occupied: false });

    const quietFrom = log.mark();
    await target.sdk.trigger(name, 'while-refused', {});
    await target.sdk.trigger(other, 'sentinel', {});
    await otherLog.waitFor((event) => event.event === 'sentinel', 'the sentinel event');
    expect(log.items.slice(quietFrom)).toEqual([]);
  });

  it('refuses unsigned requests, bad channel names and bad bodies, and closes nothing then', async () => {
    const name = uniqueName('private-revoke-');
    const raw = await rawSubscriber([name]);
    const path = `/channels/${name}/revoke`;
    expect((await signedFetch(target, { method: 'POST', path, body: {}, tamper: { secret: 'not-the-secret' } })).status).toBe(401);
    expect((await signedFetch(target, { method: 'POST', path, body: {}, tamper: { bodyMd5: 'd41d8cd98f00b204e9800998ecf8427e' } })).status).toBe(401);
    for (const bad of ['/channels/bad%20channel/revoke', '/channels/bad*channel/revoke', `/channels/%23server-to-user-${name}/revoke`]) {
      expect((await signedFetch(target, { method: 'POST', path: bad, body: {} })).status, bad).toBe(400);
    }
    for (const body of ['[]', '"user"', 'not json', 'null', { user_id: 5 }, { user_id: '' }, { user_id: ['alice'] }]) {
      expect((await signedFetch(target, { method: 'POST', path, body })).status, JSON.stringify(body)).toBe(400);
    }
    await target.sdk.trigger(name, 'still-subscribed', {});
    await raw.frames.waitFor(raw.event('still-subscribed', name), 'an event after the refused revokes');
    expect(raw.frames.count(raw.event('pusher:error'))).toBe(0);
    expect(raw.socket.readyState).toBe(WebSocket.OPEN);

    const unknown = await signedFetch(target, { method: 'POST', path: `/channels/${uniqueName('private-nobody-')}/revoke` });
    expect(unknown).toEqual({ status: 200, body: {} });
    expect(await signedFetch(target, { method: 'POST', path })).toEqual({ status: 200, body: {} });
    await expectRevoked(raw);
  });
});
