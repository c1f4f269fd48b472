/**
 * `revokeChannel` as the app calls it: through the `pusher` SDK configured by lib/core/env.ts,
 * against the embedded server started here on a spare port (ADR 004: tests set the environment
 * before the app first reads it).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { Clients, externalTarget, once, plazaExtensionSkipReason, type RawClient, startTarget, type Target, uniqueName } from './server/conformance/realtime-harness';
import { revokeChannel } from './publish';

let target: Target;
let clients: Clients;

beforeAll(async () => {
  target = await startTarget();
  clients = new Clients(target);
  Object.assign(process.env, { PUSHER_HOST: target.host, PUSHER_PORT: String(target.port), PUSHER_APP_ID: target.appId, PUSHER_KEY: target.key, PUSHER_SECRET: target.secret });
  delete process.env.PUSHER_CLUSTER;
  // Read by env() with everything else; nothing here touches the database.
  process.env.DATABASE_URL ??= 'postgres://unused@127.0.0.1:1/unused';
});
afterAll(async () => {
  await clients.closeAll();
  await target.close();
});

async function member(channel: string, userId: string): Promise<RawClient> {
  const raw = await clients.rawClient();
  const answer = await raw.subscribe(channel, target.sdk.authorizeChannel(raw.socketId, channel, { user_id: userId }));
  expect(answer.event).toBe('pusher_internal:subscription_succeeded');
  return raw;
}

/** The close code, or a failure at the harness's wait limit: a failed revoke is only logged. */
function closeCode(raw: RawClient): Promise<number> {
  return once((resolve) => void raw.closed.then(({ code }) => resolve(code)), `the close of socket ${raw.socketId}`);
}

describe.skipIf(externalTarget)(`revokeChannel (${plazaExtensionSkipReason})`, () => {
  it('closes one member\'s sockets on a presence channel, or everyone\'s', async () => {
    const name = uniqueName('presence-chat-');
    const alice = await member(name, 'alice');
    const bob = await member(name, 'bob');

    await revokeChannel(name, 'alice');
    expect(await closeCode(alice)).toBe(4200);
    await bob.frames.waitFor(bob.event('pusher_internal:member_removed', name), 'alice leaving, at bob');
    expect(bob.socket.readyState).toBe(WebSocket.OPEN);

    await revokeChannel(name);
    expect(await closeCode(bob)).toBe(4200);
    expect(bob.frames.items.at(-1)?.payload).toMatchObject({ code: 4200 });
  });

  it('logs instead of throwing when the server cannot do it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      // A bad channel name is answered 400, as a server without the extension answers 404.
      await expect(revokeChannel('bad channel name')).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^realtime: could not revoke bad channel name: .*400/));
    } finally {
      warn.mockRestore();
    }
  });
});
