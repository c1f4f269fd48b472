import { afterAll, describe, expect, it } from 'vitest';
import PusherJs from 'pusher-js';
import { mayListenOnUserChannel } from '@/lib/account/policy';
import type { Viewer } from '@/lib/core/session';
import { refusal } from '@/tests/support/refusal';
import { authorizeSocket, type ChannelPolicy } from './authorize';
import { userChannel } from './channels';

const ana: Viewer = { kind: 'person', id: 'ana1', handle: 'ana', isAdmin: false };
const policies: Record<string, ChannelPolicy> = {
  user: (viewer, channel) => channel.access === 'private' && channel.id === viewer.id,
  room: () => true,
};

const clients: PusherJs[] = [];
afterAll(() => clients.forEach((client) => client.disconnect()));

/** A real pusher-js client whose subscriptions are signed by authorizeSocket, as the auth route does. */
function browserAs(viewer: Viewer) {
  const client = new PusherJs(process.env.PUSHER_KEY ?? 'plaza-key', {
    cluster: '',
    wsHost: '127.0.0.1',
    wsPort: Number(process.env.PUSHER_PORT ?? 6001),
    forceTLS: false,
    enabledTransports: ['ws'],
    channelAuthorization: {
      endpoint: '',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) =>
        authorizeSocket(viewer, { socket_id: socketId, channel_name: channelName }, policies).then(
          (auth) => callback(null, auth),
          (error: Error) => callback(error, null),
        ),
    },
  });
  clients.push(client);
  return client;
}

function outcome(client: PusherJs, channel: string): Promise<'joined' | 'refused'> {
  return new Promise((resolve) => {
    const subscription = client.subscribe(channel);
    subscription.bind('pusher:subscription_succeeded', () => resolve('joined'));
    subscription.bind('pusher:subscription_error', () => resolve('refused'));
  });
}

describe('realtime channel authorization', () => {
  it('lets a person join their own user channel on the real server, and nobody else’s', async () => {
    const client = browserAs(ana);
    expect(await outcome(client, userChannel(ana.id))).toBe('joined');
    expect(await outcome(client, userChannel('someone-else'))).toBe('refused');
  });

  it('refuses channels no domain owns and malformed requests', async () => {
    expect((await refusal(authorizeSocket(ana, { socket_id: '1.2', channel_name: 'private-unknown-1' }, policies))).code).toBe('FORBIDDEN');
    expect((await refusal(authorizeSocket(ana, { socket_id: '1.2', channel_name: 'private-encrypted-user-ana1' }, policies))).code).toBe('FORBIDDEN');
    expect((await refusal(authorizeSocket(ana, { socket_id: 'nope', channel_name: userChannel(ana.id) }, policies))).code).toBe('INVALID');
    expect((await refusal(authorizeSocket(ana, { socket_id: '1.2', channel_name: 'x'.repeat(200) }, policies))).code).toBe('INVALID');
  });

  it('refuses scopes named after what every plain object inherits', async () => {
    // Tables of policies are plain objects (app/api/realtime/auth/route.ts): `constructor` is
    // Object itself there, which returns its truthy argument when called as a policy.
    for (const name of ['private-constructor-x', 'presence-constructor-x', 'private-__proto__-x', 'private-toString-x', 'private-hasOwnProperty-x', 'private-valueOf-x']) {
      expect((await refusal(authorizeSocket(ana, { socket_id: '1.2', channel_name: name }, policies))).code, name).toBe('FORBIDDEN');
    }
    const client = browserAs(ana);
    expect(await outcome(client, 'private-constructor-x')).toBe('refused');
  });

  it('signs a person into their own user channel only, with the account domain’s policy', async () => {
    const routePolicies: Record<string, ChannelPolicy> = { user: mayListenOnUserChannel };
    expect((await authorizeSocket(ana, { socket_id: '1.2', channel_name: userChannel(ana.id) }, routePolicies)).auth).toMatch(/^[^:]+:[0-9a-f]{64}$/);
    expect((await refusal(authorizeSocket(ana, { socket_id: '1.2', channel_name: userChannel('bo2') }, routePolicies))).code).toBe('FORBIDDEN');
    expect((await refusal(authorizeSocket(ana, { socket_id: '1.2', channel_name: `presence-user-${ana.id}` }, routePolicies))).code).toBe('FORBIDDEN');
  });

  it('joins presence channels as the signed-in person, whatever the browser claims', async () => {
    const auth = await authorizeSocket(ana, { socket_id: '1.2', channel_name: 'presence-room-7' }, policies);
    expect(JSON.parse(auth.channel_data!)).toEqual({ user_id: ana.id, user_info: { handle: 'ana' } });
    const client = browserAs(ana);
    const members = new Promise<{ me: { id: string } }>((resolve) => client.subscribe('presence-room-7').bind('pusher:subscription_succeeded', resolve));
    expect((await members).me.id).toBe(ana.id);
  });

  it('signs a socket in as the viewer for user sign-in', async () => {
    const auth = await authorizeSocket(ana, { socket_id: '1.2' }, policies);
    expect(JSON.parse(auth.user_data!)).toMatchObject({ id: ana.id });
  });
});
