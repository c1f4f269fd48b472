import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountEvents } from '@/lib/account/client';
import { recordUserChannels } from '@/lib/account/presence';
import { db } from '@/lib/core/db';
import type { Viewer } from '@/lib/core/session';
import { userChannel } from '@/lib/realtime';
import { listen, type Listener } from '@/tests/support/realtime-listener';
import { befriend, person } from '@/tests/support/people';
import { refusal } from '@/tests/support/refusal';
import { grantPromotion } from '@/lib/pay';
import { chatChannel } from './announce';
import { chatEvents } from './events';
import { claimRedPacketMessage, sendRedPacket } from './payments';
import * as chat from './service';

/**
 * Groups above the presence limit have no presence channel: the server says who types on the
 * conversation channel, and online status is the viewer's friends' (friends-only, as everywhere).
 */

/** Members who are already there: rows written directly, as the group's history would have left them. */
async function fillWithMembers(conversationId: string, count: number): Promise<string[]> {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const people = await db().user.createManyAndReturn({
    data: Array.from({ length: count }, (_, index) => ({ handle: `lgm${tag}${index}`, name: `Member ${index}`, email: `lgm${tag}${index}@example.test` })),
    select: { id: true },
  });
  await db().conversationMember.createMany({ data: people.map((member) => ({ conversationId, memberId: member.id })) });
  return people.map((member) => member.id);
}

/** Above the presence limit (100), and above the 200 people a read of names once stopped at. */
const groupSize = 251;

let admin: Viewer;
let member: Viewer;
let third: Viewer;
let conversationId: string;
let filledIds: string[];
const listeners: Listener[] = [];

beforeAll(async () => {
  [admin, member, third] = await Promise.all([person('lg'), person('lg'), person('lg')]);
  await Promise.all([befriend(admin, member), befriend(admin, third)]);
  conversationId = (await chat.createGroup(admin, { title: 'Neighbourhood', memberIds: [member.id, third.id] })).conversationId;
  filledIds = await fillWithMembers(conversationId, groupSize - 3);
});

afterAll(async () => {
  listeners.forEach((listener) => listener.close());
  await db().$disconnect();
});

function browser(): Listener {
  const listener = listen();
  listeners.push(listener);
  return listener;
}

describe('a group above the presence limit', () => {
  it('has no presence channel: the browser listens to the server instead', async () => {
    const conversation = await chat.getConversation(admin, conversationId);
    expect(conversation.memberCount).toBe(groupSize);
    expect(conversation.usesPresence).toBe(false);
    expect(await chat.mayListenOnChatChannel(member, { access: 'presence', id: conversationId })).toBe(false);
    expect(await chat.mayListenOnChatChannel(member, { access: 'private', id: conversationId })).toBe(true);
  });

  it('hears from the server who is typing, as the signed-in member and nobody else', async () => {
    const adminBrowser = browser();
    await adminBrowser.subscribe(chatChannel(conversationId));
    const typing = adminBrowser.next<{ memberId: string }>(chatChannel(conversationId), chatEvents.typing);
    await chat.announceTyping(member, { conversationId });
    expect(await typing).toEqual({ conversationId, memberId: member.id });

    const stranger = await person('lg');
    expect((await refusal(chat.announceTyping(stranger, { conversationId }))).code).toBe('NOT_FOUND');
  });

  it('counts the friends in the group who are online, for each viewer, and nobody else', async () => {
    // The admin is friends with both; the member and the third are not friends with each other.
    const memberApp = browser();
    const adminApp = browser();
    await adminApp.subscribe(userChannel(admin.id));
    const heard = adminApp.next<{ personId: string; online: boolean }>(userChannel(admin.id), accountEvents.status, (status) => status.personId === member.id && status.online);
    // The member's app really is open, so the worker's reconciling agrees they are online.
    await memberApp.subscribe(userChannel(member.id));
    await recordUserChannels([userChannel(member.id)], true);
    // What keeps an open page current: the friend's status on the viewer's own channel.
    expect(await heard).toMatchObject({ personId: member.id, online: true });
    expect((await chat.getConversation(admin, conversationId)).onlineIds).toContain(member.id);
    // Not the third's friend: the third learns nothing of the member's status.
    expect((await chat.getConversation(third, conversationId)).onlineIds).not.toContain(member.id);
    expect((await chat.getConversation(member, conversationId)).onlineIds).not.toContain(member.id);
  });

  it('shares a red packet among every member, however many', async () => {
    await grantPromotion({ kind: 'system' }, admin.id, 300_00, 'USD', `chat-large:${admin.id}`);
    const sent = await sendRedPacket(admin, { conversationId, clientId: `lg${Date.now().toString(36)}packet`, amount: 200_00, currency: 'USD', note: '', shares: 200, mode: 'equal' });
    const last: Viewer = { kind: 'person', id: filledIds.at(-1)!, handle: 'last', isAdmin: false };
    expect((await claimRedPacketMessage(last, { messageId: sent.id })).amount).toBe(1_00);
    expect((await claimRedPacketMessage(member, { messageId: sent.id })).amount).toBe(1_00);
  });
});
