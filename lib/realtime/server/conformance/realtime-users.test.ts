/** User sign-in, messages to one user and terminating a user's connections. */
import PusherClient from 'pusher-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Clients, once, record, type RawClient, signIn, startTarget, type Target, uniqueName } from './realtime-harness';

let target: Target;
let clients: Clients;

beforeAll(async () => {
  target = await startTarget();
  clients = new Clients(target);
});
afterEach(() => clients.closeAll());
afterAll(() => target.close());

async function signedInRaw(id: string): Promise<RawClient> {
  const raw = await clients.rawClient();
  const auth = target.sdk.authenticateUser(raw.socketId, { id });
  raw.send({ event: 'pusher:signin', data: auth });
  await raw.frames.waitFor(raw.event('pusher:signin_success'), `pusher:signin_success for ${id}`);
  return raw;
}

function leftConnected(client: PusherClient): Promise<string> {
  return once((resolve) => client.connection.bind('state_change', ({ current }: { current: string }) => current !== 'connected' && resolve(current)), 'pusher-js leaving the connected state');
}

describe('user sign-in', () => {
  it('signs in through pusher-js and receives sendToUser on #server-to-user-<id>', async () => {
    const id = uniqueName('user-');
    const client = await clients.connect({ user: { id, name: 'Ada' } });
    await signIn(client);
    expect(client.user.user_data).toMatchObject({ id });
    const log = record(client.user);
    await target.sdk.sendToUser(id, 'notice', { text: 'hello' });
    expect((await log.waitFor((event) => event.event === 'notice', 'the user event')).data).toEqual({ text: 'hello' });
  });

  it('answers a raw pusher:signin with signin_success carrying the user_data', async () => {
    const id = uniqueName('user-');
    const raw = await clients.rawClient();
    const auth = target.sdk.authenticateUser(raw.socketId, { id, role: 'tester' });
    raw.send({ event: 'pusher:signin', data: auth });
    const success = await raw.frames.waitFor(raw.event('pusher:signin_success'), 'pusher:signin_success');
    expect(JSON.parse(String(success.payload.user_data))).toEqual({ id, role: 'tester' });
  });

  it('does not let a client subscribe to another user\'s #server-to-user channel', async () => {
    const victim = uniqueName('user-');
    const anonymous = await clients.rawClient();
    expect((await anonymous.subscribe(`#server-to-user-${victim}`)).event).not.toBe('pusher_internal:subscription_succeeded');

    const mallory = await signedInRaw(uniqueName('user-'));
    expect((await mallory.subscribe(`#server-to-user-${victim}`)).event).not.toBe('pusher_internal:subscription_succeeded');
    expect((await anonymous.subscribe(`#server-to-user-${victim}`, { auth: `${target.key}:${'f'.repeat(64)}` })).event).not.toBe('pusher_internal:subscription_succeeded');

    const victimRaw = await signedInRaw(victim);
    expect((await victimRaw.subscribe(`#server-to-user-${victim}`)).event).toBe('pusher_internal:subscription_succeeded');
    await target.sdk.sendToUser(victim, 'private-note', { n: 1 });
    await victimRaw.frames.waitFor(victimRaw.event('private-note'), 'the note at its user');
    // Mallory's own channel gets a marker after the note: had she got the note, it came first.
    const malloryId = JSON.parse(String(mallory.frames.items.find(mallory.event('pusher:signin_success'))!.payload.user_data)).id;
    await mallory.subscribe(`#server-to-user-${malloryId}`);
    await target.sdk.sendToUser(malloryId, 'marker', {});
    await mallory.frames.waitFor(mallory.event('marker'), 'the marker at mallory');
    expect(mallory.frames.count(mallory.event('private-note'))).toBe(0);
    expect(anonymous.frames.count(anonymous.event('private-note'))).toBe(0);
  });

  it('stops a connection getting the previous user\'s messages once it signs in as someone else', async () => {
    const first = uniqueName('user-');
    const second = uniqueName('user-');
    const raw = await signedInRaw(first);
    expect((await raw.subscribe(`#server-to-user-${first}`)).event).toBe('pusher_internal:subscription_succeeded');
    const after = raw.frames.mark();
    raw.send({ event: 'pusher:signin', data: target.sdk.authenticateUser(raw.socketId, { id: second }) });
    await raw.frames.waitFor(raw.event('pusher:signin_success'), 'the second signin_success', { after });
    expect((await raw.subscribe(`#server-to-user-${second}`)).event).toBe('pusher_internal:subscription_succeeded');
    await target.sdk.sendToUser(first, 'for-first', {});
    await target.sdk.sendToUser(second, 'for-second', {});
    await raw.frames.waitFor(raw.event('for-second'), 'the message for the new user');
    expect(raw.frames.count(raw.event('for-first'))).toBe(0);
  });
});

describe('terminateUserConnections', () => {
  it('closes every connection of that user and only theirs', async () => {
    const alice = uniqueName('user-');
    const bob = uniqueName('user-');
    const aliceTab = await clients.connect({ user: { id: alice } });
    await signIn(aliceTab);
    const aliceRaw = await signedInRaw(alice);
    const bobTab = await clients.connect({ user: { id: bob } });
    await signIn(bobTab);
    const bobLog = record(bobTab.user);

    const aliceLeft = leftConnected(aliceTab);
    await target.sdk.terminateUserConnections(alice);
    await aliceRaw.closed;
    await aliceLeft;

    await target.sdk.sendToUser(bob, 'still-here', {});
    await bobLog.waitFor((event) => event.event === 'still-here', 'a user event for bob after alice was terminated');
    expect(bobTab.connection.state).toBe('connected');
  });
});
