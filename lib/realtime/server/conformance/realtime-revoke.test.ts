/**
 * Plaza's revoke extension (POST /apps/<id>/channels/<name>/revoke, docs/decisions/007): the
 * server takes a channel away from sockets that already hold it, tells them first, and an
 * honest pusher-js client asks the app's authorizer again. Absence is proved with a sentinel:
 * one socket's frames arrive in order, so once an event sent later on another channel is in,
 * anything the revoked channel would have delivered is in too.
 */
import type { PresenceChannel } from 'pusher-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resubscribeOnRevoke, subscriptionRevokedEvent } from '../../resubscribe';
import { Clients, externalTarget, plazaExtensionSkipReason, record, type Frame, type RawClient, sdkGet, signedFetch, startTarget, subscribed, type Target, uniqueName } from './realtime-harness';

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

/** The revoke notice on `channel`, and every frame on that channel that came after it. */
async function framesAfterNotice(raw: RawClient, channel: string): Promise<{ notice: Frame; later: Frame[] }> {
  const notice = await raw.frames.waitFor(raw.event(subscriptionRevokedEvent, channel), `the revoke notice on ${channel}`);
  const later = raw.frames.items.slice(raw.frames.items.indexOf(notice) + 1).filter((frame) => frame.channel === channel);
  return { notice, later };
}

async function sentinel(raws: RawClient[], channel: string): Promise<void> {
  const name = `sentinel-${uniqueName('')}`;
  await target.sdk.trigger(channel, name, {});
  await Promise.all(raws.map((raw) => raw.frames.waitFor(raw.event(name, channel), 'the sentinel event')));
}

describe.skipIf(externalTarget)(`revoking a channel (${plazaExtensionSkipReason})`, () => {
  it('tells every subscriber of a private channel, and one that ignores it gets nothing more there', async () => {
    // `=` and `@` are legal in channel names and percent-encoded in the path: signing must agree.
    const name = uniqueName('private-revoke=a@');
    const other = uniqueName('private-sentinel-');
    const first = await clients.connect();
    const second = await clients.connect();
    const firstLog = record(await subscribed(first, name));
    const secondLog = record(await subscribed(second, name));
    const ignoring = await rawSubscriber([name, other]);
    expect(await sdkGet(target, `/channels/${name}`, { info: 'subscription_count' })).toEqual({ occupied: true, subscription_count: 3 });

    const response = await revoke(name);
    expect(await response.json()).toEqual({});
    await firstLog.waitFor((event) => event.event === subscriptionRevokedEvent, 'the notice at the first pusher-js client');
    await secondLog.waitFor((event) => event.event === subscriptionRevokedEvent, 'the notice at the second pusher-js client');
    const { notice } = await framesAfterNotice(ignoring, name);
    expect(notice.data).toBe('{}');
    expect(await sdkGet(target, `/channels/${name}`, { info: 'subscription_count' })).toEqual({ occupied: false, subscription_count: 0 });

    await target.sdk.trigger(name, 'after-revoke', {});
    const before = ignoring.frames.mark();
    ignoring.send({ event: 'client-still-here', channel: name, data: {} });
    expect((await ignoring.error(4301, before)).payload.message).toMatch(/subscribe to the channel first/);
    await sentinel([ignoring], other);
    expect((await framesAfterNotice(ignoring, name)).later).toEqual([]);
  });

  it('takes a presence channel from one member\'s connections only', async () => {
    const name = uniqueName('presence-revoke-');
    const other = uniqueName('public-sentinel-');
    const aliceTabs = [await rawSubscriber([name, other], { user_id: 'alice' }), await rawSubscriber([name, other], { user_id: 'alice' })];
    const carol = await rawSubscriber([name], { user_id: 'carol' });
    const bob = await clients.connect({ member: { user_id: 'bob' } });
    const bobChannel = (await subscribed(bob, name)) as PresenceChannel;
    const bobLog = record(bobChannel);
    expect(bobChannel.members.count).toBe(3);

    await revoke(name, 'alice');
    const removed = await bobLog.waitFor((event) => event.event === 'pusher:member_removed', 'pusher:member_removed at bob');
    expect(removed.data).toMatchObject({ id: 'alice' });
    expect(bobChannel.members.count).toBe(2);
    await Promise.all(aliceTabs.map((tab) => framesAfterNotice(tab, name)));
    const webhook = await target.webhooks!.waitFor((call) => call.events.some((event) => event.name === 'member_removed' && event.channel === name), 'the member_removed webhook');
    expect(webhook.valid).toBe(true);
    expect(webhook.events.filter((event) => event.name === 'member_removed' && event.channel === name)).toEqual([{ name: 'member_removed', channel: name, user_id: 'alice' }]);
    const { users } = (await sdkGet(target, `/channels/${name}/users`)) as { users: Array<{ id: string }> };
    expect(users.map((user) => user.id).sort()).toEqual(['bob', 'carol']);

    await target.sdk.trigger(name, 'after-revoke', { n: 1 });
    expect((await bobLog.waitFor((event) => event.event === 'after-revoke', 'the event at bob')).data).toEqual({ n: 1 });
    await carol.frames.waitFor(carol.event('after-revoke', name), 'the event at carol');
    await sentinel(aliceTabs, other);
    for (const tab of aliceTabs) expect((await framesAfterNotice(tab, name)).later).toEqual([]);
    // Alice's two tabs were one member: she left once, and the others were never told to go.
    expect(bobLog.count((event) => event.event === 'pusher:member_removed')).toBe(1);
    expect(bobLog.count((event) => event.event === subscriptionRevokedEvent)).toBe(0);
    expect(carol.frames.count(carol.event(subscriptionRevokedEvent))).toBe(0);
  });

  it('lets a pusher-js client subscribe again while its authorizer grants, and leaves it out once it refuses', async () => {
    const name = uniqueName('private-revoke-');
    const other = uniqueName('public-sentinel-');
    let member = true;
    const client = await clients.connect({ authorize: (socketId, channel) => (member ? target.sdk.authorizeChannel(socketId, channel) : new Error('No longer a member')) });
    const channel = await subscribed(client, name);
    const otherLog = record(await subscribed(client, other));
    resubscribeOnRevoke(client, channel);
    const log = record(channel);

    await revoke(name);
    await log.waitFor((event) => event.event === 'pusher:subscription_succeeded', 'the subscription after the revoke');
    expect(client.channel(name)).toBe(channel);
    await target.sdk.trigger(name, 'after-resubscribe', { n: 2 });
    expect((await log.waitFor((event) => event.event === 'after-resubscribe', 'the event after subscribing again')).data).toEqual({ n: 2 });

    member = false;
    let after = log.mark();
    await revoke(name);
    const error = await log.waitFor((event) => event.event === 'pusher:subscription_error', 'the refused subscription', { after });
    expect(error.data).toMatchObject({ type: 'AuthError', error: 'No longer a member' });
    expect(channel.subscribed).toBe(false);
    expect(await sdkGet(target, `/channels/${name}`)).toMatchObject({ occupied: false });
    after = log.mark();
    await target.sdk.trigger(name, 'while-refused', {});
    await target.sdk.trigger(other, 'sentinel', {});
    await otherLog.waitFor((event) => event.event === 'sentinel', 'the sentinel event');
    expect(log.items.slice(after)).toEqual([]);
  });

  it('refills a presence member list after everyone subscribes again, and tells the ignoring nothing more', async () => {
    const name = uniqueName('presence-revoke-');
    const other = uniqueName('public-sentinel-');
    const alice = await clients.connect({ member: { user_id: 'alice' } });
    const bob = await clients.connect({ member: { user_id: 'bob' } });
    const aliceChannel = (await subscribed(alice, name)) as PresenceChannel;
    const bobChannel = (await subscribed(bob, name)) as PresenceChannel;
    resubscribeOnRevoke(alice, aliceChannel);
    resubscribeOnRevoke(bob, bobChannel);
    const aliceLog = record(aliceChannel);
    const bobLog = record(bobChannel);
    const carol = await rawSubscriber([name, other], { user_id: 'carol' });

    await revoke(name);
    // Whoever is back first sees the other arrive as member_added.
    const bothBack = (channel: PresenceChannel) => (event: { event: string }) =>
      (event.event === 'pusher:subscription_succeeded' || event.event === 'pusher:member_added') && channel.subscribed && channel.members.count === 2;
    await aliceLog.waitFor(bothBack(aliceChannel), 'both members at alice after the revoke');
    await bobLog.waitFor(bothBack(bobChannel), 'both members at bob after the revoke');
    expect(aliceLog.count((event) => event.event === subscriptionRevokedEvent)).toBe(1);
    expect(aliceChannel.members.me).toMatchObject({ id: 'alice' });
    const ids: string[] = [];
    bobChannel.members.each((each: { id: string }) => void ids.push(each.id));
    expect(ids.sort()).toEqual(['alice', 'bob']);
    // Everyone was told to go at once: no member_removed for the others, no member_added later.
    await sentinel([carol], other);
    expect((await framesAfterNotice(carol, name)).later).toEqual([]);
  });

  it('refuses unsigned requests, bad channel names and bad bodies, and revokes nothing then', async () => {
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
    expect(raw.frames.count(raw.event(subscriptionRevokedEvent))).toBe(0);

    const unknown = await signedFetch(target, { method: 'POST', path: `/channels/${uniqueName('private-nobody-')}/revoke` });
    expect(unknown).toEqual({ status: 200, body: {} });
    expect(await signedFetch(target, { method: 'POST', path })).toEqual({ status: 200, body: {} });
    await raw.frames.waitFor(raw.event(subscriptionRevokedEvent, name), 'the notice for a revoke with no body');
  });
});
