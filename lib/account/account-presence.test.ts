import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/core/db';
import type { Viewer } from '@/lib/core/session';
import { userChannel } from '@/lib/realtime';
import { listen, sdk, type Listener } from '@/tests/support/realtime-listener';
import { getFriendsStatus, reconcileOnlineStatus, recordUserChannels } from './presence';
import type { PersonStatus } from './events';
import { signUp } from './service';
import { befriend } from '@/tests/support/people';

let serial = 0;
async function person(): Promise<Viewer> {
  serial += 1;
  const handle = `p${Date.now().toString(36)}${serial}${Math.floor(Math.random() * 1e4)}`.slice(0, 30);
  const account = await signUp({ name: 'Presence Person', handle, email: `${handle}@example.test`, password: 'correct horse battery staple' });
  return { kind: 'person', id: account.id, handle: account.handle, isAdmin: false };
}

async function occupied(channel: string): Promise<boolean> {
  const response = await sdk().get({ path: `/channels/${channel}` });
  return ((await response.json()) as { occupied: boolean }).occupied;
}

const listeners: Listener[] = [];
afterAll(async () => {
  listeners.forEach((listener) => listener.close());
  await db().$disconnect();
});

describe('online status', () => {
  it('tells friends, and only shows friends, when someone comes online and goes offline', async () => {
    const [ana, bo, stranger] = await Promise.all([person(), person(), person()]);
    await befriend(ana, bo);
    const boHears = listen();
    listeners.push(boHears);
    await boHears.subscribe(userChannel(bo.id));

    const online = boHears.next<PersonStatus>(userChannel(bo.id), 'person.status', (status) => status.personId === ana.id && status.online);
    await recordUserChannels([userChannel(ana.id)], true);
    expect(await online).toMatchObject({ personId: ana.id, online: true });
    expect((await getFriendsStatus(bo, [ana.id])).get(ana.id)?.online).toBe(true);
    expect((await getFriendsStatus(stranger, [ana.id])).size).toBe(0);

    const offline = boHears.next<PersonStatus>(userChannel(bo.id), 'person.status', (status) => status.personId === ana.id && !status.online);
    await recordUserChannels([userChannel(ana.id)], false);
    const status = await offline;
    expect(status.lastSeenAt).not.toBeNull();
    expect((await getFriendsStatus(bo, [ana.id])).get(ana.id)).toMatchObject({ online: false, lastSeenAt: status.lastSeenAt });
  });

  it('ignores channels that are not user channels', async () => {
    const ana = await person();
    await recordUserChannels([`private-chat-${ana.id}`, `presence-user-${ana.id}`, 'garbage'], true);
    const row = await db().user.findUniqueOrThrow({ where: { id: ana.id }, select: { onlineSince: true } });
    expect(row.onlineSince).toBeNull();
  });

  it('reconciles stored status with the user channels open on the realtime server', async () => {
    const ana = await person();
    const browser = listen();
    await browser.subscribe(userChannel(ana.id));
    await reconcileOnlineStatus();
    expect((await db().user.findUniqueOrThrow({ where: { id: ana.id }, select: { onlineSince: true } })).onlineSince).not.toBeNull();

    browser.close();
    await expect.poll(() => occupied(userChannel(ana.id))).toBe(false);
    await reconcileOnlineStatus();
    const row = await db().user.findUniqueOrThrow({ where: { id: ana.id }, select: { onlineSince: true, lastSeenAt: true } });
    expect(row.onlineSince).toBeNull();
    expect(row.lastSeenAt).not.toBeNull();
  });
});
