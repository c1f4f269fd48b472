import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as realtimeWebhook } from '@/app/api/realtime/webhook/route';
import * as graph from '@/lib/account/graph';
import { signUp } from '@/lib/account/service';
import { db } from '@/lib/core/db';
import type { Viewer } from '@/lib/core/session';
import { userChannel } from '@/lib/realtime';
import { listen, signedWebhook, type Listener } from '@/tests/support/realtime-listener';
import { refusal } from '@/tests/support/refusal';
import { grantPromotion } from '@/lib/pay';
import { chatChannel } from './announce';
import { chatEvents } from './events';
import { claimRedPacketMessage, sendRedPacket } from './payments';
import * as chat from './service';

/**
 * Groups above the presence limit have no presence channel: the server says who types and who
 * is online, on the conversation channel.
 */

let serial = 0;
async function person(): Promise<Viewer> {
  serial += 1;
  const handle = `lg${Date.now().toString(36)}${serial}${Math.floor(Math.random() * 1e4)}`.slice(0, 30);
  const account = await signUp({ name: `Large ${serial}`, handle, email: `${handle}@example.test`, password: 'correct horse battery staple' });
  return { kind: 'person', id: account.id, handle: account.handle, isAdmin: false };
}

async function befriend(a: Viewer, b: Viewer) {
  await graph.sendFriendRequest(a, b.handle);
  const { incoming } = await graph.listFriendRequests(b);
  await graph.acceptFriendRequest(b, incoming.find((request) => request.person.id === a.id)!.id);
}

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

const webhook = (name: 'channel_occupied' | 'channel_vacated', personId: string) => realtimeWebhook(signedWebhook([{ name, channel: userChannel(personId) }]));

/** Above the presence limit (100), and above the 200 people a read of names once stopped at. */
const groupSize = 251;

let admin: Viewer;
let member: Viewer;
let conversationId: string;
let filledIds: string[];
const listeners: Listener[] = [];

beforeAll(async () => {
  let third: Viewer;
  [admin, member, third] = await Promise.all([person(), person(), person()]);
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

    const stranger = await person();
    expect((await refusal(chat.announceTyping(stranger, { conversationId }))).code).toBe('NOT_FOUND');
  });

  it('hears from the server when a member comes online and goes offline, and opens with who is online', async () => {
    const adminBrowser = browser();
    await adminBrowser.subscribe(chatChannel(conversationId));
    // The member's app really is open, so the worker's reconciling agrees they are online.
    const memberApp = browser();
    await memberApp.subscribe(userChannel(member.id));

    const cameOnline = adminBrowser.next<{ memberId: string; online: boolean }>(chatChannel(conversationId), chatEvents.online, (event) => event.memberId === member.id && event.online);
    expect((await webhook('channel_occupied', member.id)).status).toBe(200);
    expect(await cameOnline).toEqual({ conversationId, memberId: member.id, online: true });
    expect((await chat.getConversation(admin, conversationId)).onlineIds).toContain(member.id);
    // Nobody is told they themselves are online.
    expect((await chat.getConversation(member, conversationId)).onlineIds).not.toContain(member.id);

    memberApp.close();
    const wentOffline = adminBrowser.next<{ memberId: string; online: boolean }>(chatChannel(conversationId), chatEvents.online, (event) => event.memberId === member.id && !event.online);
    expect((await webhook('channel_vacated', member.id)).status).toBe(200);
    expect(await wentOffline).toEqual({ conversationId, memberId: member.id, online: false });
    expect((await chat.getConversation(admin, conversationId)).onlineIds).not.toContain(member.id);
  });

  it('shares a red packet among every member, however many', async () => {
    await grantPromotion({ kind: 'system' }, admin.id, 300_00, 'USD', `chat-large:${admin.id}`);
    const sent = await sendRedPacket(admin, { conversationId, clientId: `lg${Date.now().toString(36)}packet`, amount: 200_00, currency: 'USD', note: '', shares: 200, mode: 'equal' });
    const last: Viewer = { kind: 'person', id: filledIds.at(-1)!, handle: 'last', isAdmin: false };
    expect((await claimRedPacketMessage(last, { messageId: sent.id })).amount).toBe(1_00);
    expect((await claimRedPacketMessage(member, { messageId: sent.id })).amount).toBe(1_00);
  });

  it('ignores a webhook that the realtime server did not sign', async () => {
    const forged = signedWebhook([{ name: 'channel_occupied', channel: userChannel(member.id) }]);
    forged.headers.set('x-pusher-signature', '0'.repeat(64));
    expect((await realtimeWebhook(forged)).status).toBe(401);
  });
});
