import { afterAll, describe, expect, it } from 'vitest';
import { signUp } from '@/lib/account';
import { db } from '@/lib/core/db';
import type { Viewer } from '@/lib/core/session';
import { userChannel } from '@/lib/realtime';
import { listen } from '@/tests/support/realtime-listener';
import { markMyNotificationsRead, send } from './service';

async function person(): Promise<Viewer> {
  const handle = `n${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`.slice(0, 30);
  const account = await signUp({ name: 'Notified', handle, email: `${handle}@example.test`, password: 'correct horse battery staple' });
  return { kind: 'person', id: account.id, handle: account.handle, isAdmin: false };
}

const browser = listen();
afterAll(async () => {
  browser.close();
  await db().$disconnect();
});

describe('notify live', () => {
  it('tells the recipient’s open apps of each new notification with the unread count, and of reading them', async () => {
    const [ana, bo] = await Promise.all([person(), person()]);
    const channel = userChannel(ana.id);
    await browser.subscribe(channel);

    const first = browser.next<{ unread: number; kind: string }>(channel, 'notification.created', (event) => event.unread === 1);
    await send(ana.id, 'follow.new', { actorId: bo.id });
    expect(await first).toMatchObject({ kind: 'follow.new', unread: 1 });

    const second = browser.next<{ unread: number }>(channel, 'notification.created', (event) => event.unread === 2);
    await send(ana.id, 'friend.request', { actorId: bo.id, data: { requestId: 'r1' } });
    await second;

    const read = browser.next<{ unread: number }>(channel, 'notification.read');
    await markMyNotificationsRead(ana);
    expect(await read).toEqual({ unread: 0 });
  });
});
