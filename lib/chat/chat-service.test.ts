import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as graph from '@/lib/account/graph';
import { moveClock, resetClock } from '@/lib/core/clock';
import { db } from '@/lib/core/db';
import type { Viewer } from '@/lib/core/session';
import { storeImage } from '@/lib/media';
import { getBalances, grantPromotion, returnTransferIfExpired } from '@/lib/pay';
import { listen, subscriptionCount } from '@/tests/support/realtime-listener';
import { createOldChats } from '@/tests/support/chat-fixtures';
import { befriend, person } from '@/tests/support/people';
import { refusal } from '@/tests/support/refusal';
import { chatChannel } from './announce';
import { chatEvents } from './events';
import { acceptTransferMessage, claimRedPacketMessage, sendRedPacket, sendTransfer } from './payments';
import { chatsPageSize, listChatsSchema, sendMessageSchema, type MessageDto } from './schemas';
import * as chat from './service';

async function direct(a: Viewer, b: Viewer): Promise<string> {
  await befriend(a, b);
  return (await chat.startDirect(a, { personId: b.id })).conversationId;
}

/** A group of `admin` and their friends `others` (friendships made here). */
async function group(admin: Viewer, others: Viewer[], title = 'Hikers'): Promise<string> {
  for (const other of others) await befriend(admin, other);
  return (await chat.createGroup(admin, { title, memberIds: others.map((other) => other.id) })).conversationId;
}

const clientId = () => `k${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
/** A random id of the right shape that names nothing. */
const unknownId = () => `c${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 25).padEnd(25, '0');

/** Sends as the composer does: the action's schema first, then the service. */
function say(viewer: Viewer, conversationId: string, body: string, extra: { replyToId?: string; mediaIds?: string[]; clientId?: string } = {}) {
  return chat.sendMessage(viewer, sendMessageSchema.parse({ conversationId, clientId: extra.clientId ?? clientId(), body, ...extra }));
}

async function history(viewer: Viewer, conversationId: string, page: { before?: number; after?: number } = {}) {
  return chat.listMessages(viewer, { conversationId, ...page });
}

const bodies = (messages: MessageDto[]) => messages.filter((message) => message.kind !== 'SYSTEM').map((message) => message.body);
const find = async (viewer: Viewer, conversationId: string, id: string) => (await history(viewer, conversationId, { after: 0 })).messages.find((message) => message.id === id);

async function giveMoney(viewer: Viewer, amount: number) {
  await grantPromotion({ kind: 'system' }, viewer.id, amount, 'USD', `chat-test:${viewer.id}`);
}
const usd = async (viewer: Viewer) => (await getBalances(viewer)).find((line) => line.currency === 'USD')?.balance ?? 0;

afterEach(() => {
  resetClock();
});

afterAll(async () => {
  await db().$disconnect();
});

describe('one-to-one chats', () => {
  it('opens only between friends, and the same chat however often (or however simultaneously) it is opened', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const refused = await refusal(chat.startDirect(ana, { personId: bo.id }));
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'chat.friendsOnly']);

    await befriend(ana, bo);
    const [fromAna, fromBo] = await Promise.all([chat.startDirect(ana, { personId: bo.id }), chat.startDirect(bo, { personId: ana.id })]);
    expect(fromBo.conversationId).toBe(fromAna.conversationId);
    expect((await chat.startDirect(ana, { personId: bo.id })).conversationId).toBe(fromAna.conversationId);
    expect((await chat.listChats(ana)).chats.map((row) => row.id)).toEqual([fromAna.conversationId]);
    expect((await chat.getConversation(bo, fromAna.conversationId)).other?.id).toBe(ana.id);
  });

  it('stores a message once when the same send is retried, one after another or at the same moment', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    const again = clientId();
    const first = await say(ana, conversationId, 'Hello', { clientId: again });
    const retried = await say(ana, conversationId, 'Hello', { clientId: again });
    expect(retried.id).toBe(first.id);

    const racing = clientId();
    const [one, two] = await Promise.all([say(ana, conversationId, 'Are you there?', { clientId: racing }), say(ana, conversationId, 'Are you there?', { clientId: racing })]);
    expect(two.id).toBe(one.id);
    expect(await db().message.count({ where: { senderId: ana.id, clientId: { in: [again, racing] } } })).toBe(2);

    const seen = (await history(bo, conversationId)).messages;
    expect(seen.map((message) => [message.seq, message.body])).toEqual([
      [1, 'Hello'],
      [2, 'Are you there?'],
    ]);
    expect((await chat.listChats(bo)).chats[0]?.unread).toBe(2);
  });

  it('explains what is wrong with a message that is too long, empty, or carries photos that are not chat photos', async () => {
    const [ana, bo, cy] = await Promise.all([person('c'), person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    const fieldError = (body: string) => {
      const parsed = sendMessageSchema.safeParse({ conversationId, clientId: clientId(), body });
      return parsed.success ? null : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    };
    expect(fieldError('a'.repeat(4001))).toEqual([['body', 'chat.tooLong']]);
    expect(fieldError('   ')).toEqual([['body', 'chat.empty']]);
    expect(fieldError('')).toEqual([['body', 'chat.empty']]);
    expect(fieldError('字'.repeat(4000))).toBeNull();

    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer();
    const postPhoto = await storeImage(ana, { bytes: png, purpose: 'post' });
    const someoneElses = await storeImage(cy, { bytes: png, purpose: 'chat' });
    for (const mediaId of [unknownId(), postPhoto.id, someoneElses.id]) {
      const refused = await refusal(say(ana, conversationId, 'look', { mediaIds: [mediaId] }));
      expect([refused.code, refused.message]).toEqual(['INVALID', 'media.notFound']);
    }
    const own = await storeImage(ana, { bytes: png, purpose: 'chat' });
    const sent = await say(ana, conversationId, '', { mediaIds: [own.id] });
    expect([sent.kind, sent.photos.map((photo) => photo.id)]).toEqual(['IMAGE', [own.id]]);
    // The refused ones left nothing behind: the photo is the first message.
    expect(sent.seq).toBe(1);
  });
});

describe('privacy', () => {
  it('answers a non-member exactly as for a conversation that does not exist', async () => {
    const [ana, bo, outsider] = await Promise.all([person('c'), person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    await say(ana, conversationId, 'Just between us');
    const attempts = (id: string) => [
      chat.listMessages(outsider, { conversationId: id }),
      chat.sendMessage(outsider, sendMessageSchema.parse({ conversationId: id, clientId: clientId(), body: 'hi' })),
      chat.getConversation(outsider, id),
    ];
    const real = await Promise.all(attempts(conversationId).map(refusal));
    const made = await Promise.all(attempts(unknownId()).map(refusal));
    expect(real.map((error) => [error.code, error.message])).toEqual(made.map((error) => [error.code, error.message]));
    expect(real.every((error) => error.code === 'NOT_FOUND')).toBe(true);

    expect(await chat.mayListenOnChatChannel(outsider, { access: 'private', id: conversationId })).toBe(false);
    expect(await chat.mayListenOnChatChannel(outsider, { access: 'presence', id: conversationId })).toBe(false);
    expect(await chat.mayListenOnChatChannel(bo, { access: 'private', id: conversationId })).toBe(true);
    expect(await chat.mayListenOnChatChannel(bo, { access: 'presence', id: conversationId })).toBe(true);
    expect((await history(ana, conversationId)).messages).toHaveLength(1);
  });

  it('lets neither side of a block send to the other', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    await say(bo, conversationId, 'Before the block');
    await graph.block(ana, bo.handle);
    for (const sender of [bo, ana]) {
      const refused = await refusal(say(sender, conversationId, 'After the block'));
      expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'chat.blocked']);
    }
    expect((await chat.getConversation(bo, conversationId)).blocked).toBe(true);
    expect(bodies((await history(ana, conversationId)).messages)).toEqual(['Before the block']);
  });
});

describe('receipts', () => {
  it('shows the sender when a one-to-one message was delivered and read', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    const sent = await say(ana, conversationId, 'Lunch?');
    const receipt = async () => (await find(ana, conversationId, sent.id))?.receipt;
    expect(await receipt()).toEqual({ state: 'sent', seenBy: 0 });
    await chat.markRead(bo, { conversationId, seq: sent.seq, delivered: true });
    expect((await receipt())?.state).toBe('delivered');
    expect(await chat.getTotalUnread(bo)).toBe(1);
    const { totalUnread } = await chat.markRead(bo, { conversationId, seq: sent.seq, delivered: false });
    expect(totalUnread).toBe(0);
    expect(await receipt()).toEqual({ state: 'read', seenBy: 1 });
    // A mark past the last message stops at it; marks never move back.
    await chat.markRead(bo, { conversationId, seq: 999, delivered: false });
    await chat.markRead(bo, { conversationId, seq: 1, delivered: false });
    expect((await chat.getConversation(bo, conversationId)).lastReadSeq).toBe(sent.seq);
  });

  it('counts who has seen a message in a group', async () => {
    const [ana, bo, cy, di] = await Promise.all([person('c'), person('c'), person('c'), person('c')]);
    const conversationId = await group(ana, [bo, cy, di]);
    const sent = await say(ana, conversationId, 'Saturday at 8?');
    await chat.markRead(bo, { conversationId, seq: sent.seq, delivered: false });
    await chat.markRead(cy, { conversationId, seq: sent.seq, delivered: false });
    expect((await find(ana, conversationId, sent.id))?.receipt).toEqual({ state: 'sent', seenBy: 2 });
    await chat.markRead(di, { conversationId, seq: sent.seq, delivered: false });
    expect((await find(ana, conversationId, sent.id))?.receipt).toEqual({ state: 'read', seenBy: 3 });
    // Other people's messages carry no receipt for the reader.
    expect((await find(bo, conversationId, sent.id))?.receipt).toBeNull();

    // Someone added later never saw it: they do not count as having seen it.
    const late = await person('c');
    await befriend(ana, late);
    await chat.addMembers(ana, { conversationId, memberIds: [late.id] });
    expect((await find(ana, conversationId, sent.id))?.receipt).toEqual({ state: 'read', seenBy: 3 });
  });
});

describe('history', () => {
  it('opens at the first unread message and pages back and forward without gaps or repeats', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    const total = 100;
    for (let n = 1; n <= total; n += 1) await say(ana, conversationId, `message ${n}`);
    await chat.markRead(bo, { conversationId, seq: 40, delivered: false });

    const opened = await history(bo, conversationId);
    const seqs = opened.messages.map((message) => message.seq);
    expect(seqs).toContain(41);
    expect(seqs).not.toContain(total);
    expect([opened.hasOlder, opened.hasNewer]).toEqual([true, true]);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => seqs[0]! + index));

    const collected = [...seqs];
    let page = opened;
    while (page.hasOlder) {
      page = await history(bo, conversationId, { before: collected[0]! });
      expect(page.messages.length).toBeGreaterThan(0);
      collected.unshift(...page.messages.map((message) => message.seq));
    }
    let newer = await history(bo, conversationId, { after: collected.at(-1)! });
    expect(newer.messages.every((message) => message.seq > collected.at(-1)!)).toBe(true);
    collected.push(...newer.messages.map((message) => message.seq));
    while (newer.hasNewer) {
      newer = await history(bo, conversationId, { after: collected.at(-1)! });
      collected.push(...newer.messages.map((message) => message.seq));
    }
    expect(collected).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    expect((await history(bo, conversationId, { after: total })).messages).toEqual([]);
    expect(bodies((await history(bo, conversationId, { after: 97 })).messages)).toEqual(['message 98', 'message 99', 'message 100']);
  });
});

describe('changing messages', () => {
  it('erases a recalled message in the database within two minutes, and refuses after', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    const secret = await say(ana, conversationId, 'wrong chat, my password is hunter2');
    expect((await refusal(chat.recallMessage(bo, { messageId: secret.id }))).code).toBe('FORBIDDEN');
    moveClock(110 * 1000);
    const recalled = await chat.recallMessage(ana, { messageId: secret.id });
    expect([recalled.recalled, recalled.body]).toEqual([true, '']);
    const [row] = await db().$queryRaw<{ body: string; vectorless: boolean }[]>`SELECT body, "searchVector" IS NULL AS vectorless FROM "Message" WHERE id = ${secret.id}`;
    expect(row).toEqual({ body: '', vectorless: true });
    const asBo = await find(bo, conversationId, secret.id);
    expect([asBo?.recalled, asBo?.body]).toEqual([true, '']);
    expect((await chat.listChats(bo)).chats[0]?.lastMessage).toMatchObject({ recalled: true, text: '' });

    const late = await say(ana, conversationId, 'this one stays');
    moveClock(2 * 60 * 1000 + 1000);
    const refused = await refusal(chat.recallMessage(ana, { messageId: late.id }));
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'chat.recallWindow']);
    expect((await find(bo, conversationId, late.id))?.body).toBe('this one stays');
  });

  it('lets the author edit for fifteen minutes', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    const sent = await say(ana, conversationId, 'See you at 7');
    expect((await refusal(chat.editMessage(bo, { messageId: sent.id, body: 'hacked' }))).code).toBe('FORBIDDEN');
    moveClock(14 * 60 * 1000);
    await chat.editMessage(ana, { messageId: sent.id, body: 'See you at 8' });
    const asBo = await find(bo, conversationId, sent.id);
    expect([asBo?.body, asBo?.edited]).toEqual(['See you at 8', true]);
    moveClock(2 * 60 * 1000);
    const refused = await refusal(chat.editMessage(ana, { messageId: sent.id, body: 'See you at 9' }));
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'chat.editWindow']);
    expect((await find(bo, conversationId, sent.id))?.body).toBe('See you at 8');
  });

  it('deletes a message only for the member who deletes it', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    const sent = await say(ana, conversationId, 'Embarrassing photo caption');
    await say(ana, conversationId, 'Anyway');
    await chat.deleteForMe(bo, { messageId: sent.id });
    expect(bodies((await history(bo, conversationId)).messages)).toEqual(['Anyway']);
    expect(bodies((await history(ana, conversationId)).messages)).toEqual(['Embarrassing photo caption', 'Anyway']);
    expect((await refusal(chat.react(bo, { messageId: sent.id, emoji: '👍', on: true }))).code).toBe('NOT_FOUND');
  });

  it('shows replies and reactions', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    const question = await say(ana, conversationId, '周末去爬山吗？');
    const answer = await say(bo, conversationId, 'Yes!', { replyToId: question.id });
    await chat.react(ana, { messageId: answer.id, emoji: '❤️', on: true });
    await chat.react(bo, { messageId: answer.id, emoji: '❤️', on: true });
    const seen = await find(ana, conversationId, answer.id);
    expect(seen?.replyTo).toMatchObject({ id: question.id, preview: '周末去爬山吗？' });
    expect(seen?.reactions).toEqual([{ emoji: '❤️', count: 2, mine: true }]);
  });
});

describe('groups', () => {
  it('is made with friends only and begins with a note that it was created', async () => {
    const [ana, bo, cy, stranger] = await Promise.all([person('c'), person('c'), person('c'), person('c')]);
    await befriend(ana, bo);
    await befriend(ana, cy);
    const refused = await refusal(chat.createGroup(ana, { title: 'Hikers', memberIds: [bo.id, cy.id, stranger.id] }));
    expect([refused.code, refused.fieldErrors.memberIds]).toEqual(['INVALID', 'chat.friendsOnly']);
    expect((await chat.listChats(bo)).chats).toEqual([]);

    const { conversationId } = await chat.createGroup(ana, { title: 'Hikers', memberIds: [bo.id, cy.id] });
    const seen = await chat.getConversation(cy, conversationId);
    expect([seen.title, seen.memberCount, seen.myRole]).toEqual(['Hikers', 3, 'MEMBER']);
    expect(seen.members.find((member) => member.id === ana.id)?.role).toBe('ADMIN');
    expect((await history(cy, conversationId)).messages.map((message) => message.system)).toEqual([{ event: 'created', actorId: ana.id }]);
  });

  it('lets an admin add and remove members; a new member reads from their joining on; others may not manage', async () => {
    const [ana, bo, cy, newcomer] = await Promise.all([person('c'), person('c'), person('c'), person('c')]);
    const conversationId = await group(ana, [bo, cy]);
    const before = await say(bo, conversationId, 'Private plans before you joined');
    await befriend(ana, newcomer);
    await befriend(bo, newcomer);

    const notAdmin = await refusal(chat.addMembers(bo, { conversationId, memberIds: [newcomer.id] }));
    expect([notAdmin.code, notAdmin.message]).toEqual(['FORBIDDEN', 'chat.adminsOnly']);
    expect((await refusal(chat.removeMember(bo, { conversationId, memberId: cy.id }))).message).toBe('chat.adminsOnly');

    expect((await chat.addMembers(ana, { conversationId, memberIds: [newcomer.id] })).added).toEqual([newcomer.id]);
    await say(cy, conversationId, 'Welcome!');
    const theirs = (await history(newcomer, conversationId)).messages;
    expect(theirs.map((message) => message.system?.event ?? message.body)).toEqual(['joined', 'Welcome!']);
    expect((await refusal(chat.react(newcomer, { messageId: before.id, emoji: '👍', on: true }))).code).toBe('NOT_FOUND');
    expect((await chat.listChats(newcomer)).chats[0]?.unread).toBe(2);

    await chat.removeMember(ana, { conversationId, memberId: cy.id });
    expect((await refusal(chat.listMessages(cy, { conversationId }))).code).toBe('NOT_FOUND');
    expect((await refusal(say(cy, conversationId, 'still here?'))).code).toBe('NOT_FOUND');
    expect(await chat.mayListenOnChatChannel(cy, { access: 'private', id: conversationId })).toBe(false);
    expect((await history(bo, conversationId)).messages.at(-1)?.system).toEqual({ event: 'removed', actorId: ana.id, memberIds: [cy.id] });
  });

  it('takes the conversation channel away from a removed member\'s open socket, which hears nothing more', async () => {
    const [ana, bo, cy] = await Promise.all([person('c'), person('c'), person('c')]);
    const conversationId = await group(ana, [bo, cy]);
    const channel = chatChannel(conversationId);
    // Bo's socket holds the channel; once Bo is removed the app's auth route refuses it to him.
    let boRemoved = false;
    const boSocket = listen({ mayJoin: (name) => !(boRemoved && name === channel) });
    const cySocket = listen();
    try {
      await boSocket.subscribe(channel);
      boRemoved = true;
      await chat.removeMember(ana, { conversationId, memberId: bo.id });
      // The realtime server no longer has Bo's socket on the channel (he was its only listener).
      await expect.poll(() => subscriptionCount(channel)).toBe(0);
      await cySocket.subscribe(channel);
      const sent = await say(ana, conversationId, 'now that Bo is gone');
      expect(await cySocket.next<{ messageId: string }>(channel, chatEvents.message, (event) => event.messageId === sent.id)).toMatchObject({ seq: sent.seq });
      expect(boSocket.seen<{ messageId: string }>(channel, chatEvents.message).map((event) => event.messageId)).not.toContain(sent.id);
    } finally {
      boSocket.close();
      cySocket.close();
    }
  });

  it('lets an admin rename the group and give it a picture of their own, with a note for each; members may not', async () => {
    const [ana, bo, cy] = await Promise.all([person('c'), person('c'), person('c')]);
    const conversationId = await group(ana, [bo, cy]);
    const picture = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#2980b9' } }).png().toBuffer();
    const mine = await storeImage(ana, { bytes: picture, purpose: 'avatar' });
    const bosOwn = await storeImage(bo, { bytes: picture, purpose: 'avatar' });

    expect((await refusal(chat.setGroupAvatar(bo, { conversationId, avatarId: bosOwn.id }))).message).toBe('chat.adminsOnly');
    expect((await refusal(chat.setGroupAvatar(ana, { conversationId, avatarId: bosOwn.id }))).message).toBe('media.notFound');
    expect((await refusal(chat.renameGroup(bo, { conversationId, title: 'Mine now' }))).message).toBe('chat.adminsOnly');

    await chat.setGroupAvatar(ana, { conversationId, avatarId: mine.id });
    await chat.renameGroup(ana, { conversationId, title: 'Summit team' });
    const seen = await chat.getConversation(cy, conversationId);
    expect([seen.title, seen.avatarId]).toEqual(['Summit team', mine.id]);
    const notes = (await history(cy, conversationId)).messages.map((message) => message.system?.event);
    expect(notes).toEqual(['created', 'avatar', 'renamed']);
    expect((await chat.listChats(cy)).chats[0]).toMatchObject({ title: 'Summit team', avatarId: mine.id });
  });

  it('hands the group to another member when the last admin leaves', async () => {
    const [ana, bo, cy] = await Promise.all([person('c'), person('c'), person('c')]);
    const conversationId = await group(ana, [bo, cy]);
    await chat.leaveGroup(ana, { conversationId });
    const seen = await chat.getConversation(bo, conversationId);
    expect(seen.members.map((member) => member.id).sort()).toEqual([bo.id, cy.id].sort());
    expect(seen.members.filter((member) => member.role === 'ADMIN')).toHaveLength(1);
    expect((await history(cy, conversationId)).messages.at(-1)?.system).toEqual({ event: 'left', actorId: ana.id });
    expect((await chat.listChats(ana)).chats).toEqual([]);
    const newAdmin = seen.members.find((member) => member.role === 'ADMIN')!;
    const other = newAdmin.id === bo.id ? cy : bo;
    const admin = newAdmin.id === bo.id ? bo : cy;
    await chat.renameGroup(admin, { conversationId, title: 'Hikers 2' });
    expect((await refusal(chat.renameGroup(other, { conversationId, title: 'Mine now' }))).message).toBe('chat.adminsOnly');
    expect((await chat.getConversation(other, conversationId)).title).toBe('Hikers 2');
    expect((await refusal(chat.leaveGroup(bo, { conversationId: await direct(bo, cy) }))).message).toBe('chat.cannotLeaveDirect');
  });
});

describe('the chats list', () => {
  it('orders by last activity with pinned first, counts unread, leaves muted chats out of the total, and brings archived chats back on a new message', async () => {
    const [ana, bo, cy, di] = await Promise.all([person('c'), person('c'), person('c'), person('c')]);
    const withBo = await direct(ana, bo);
    const withCy = await direct(ana, cy);
    const withDi = await direct(ana, di);
    await say(bo, withBo, 'one');
    moveClock(1000);
    await say(cy, withCy, 'one');
    await say(cy, withCy, 'two');
    moveClock(1000);
    await say(di, withDi, 'one');
    await say(di, withDi, 'two');
    await say(di, withDi, 'three');
    const list = async (archived = false) => chat.listChats(ana, { archived });
    let page = await list();
    expect(page.chats.map((row) => [row.id, row.unread])).toEqual([
      [withDi, 3],
      [withCy, 2],
      [withBo, 1],
    ]);
    expect(await chat.getTotalUnread(ana)).toBe(6);
    expect(page.chats[0]?.lastMessage).toMatchObject({ text: 'three', mine: false });

    await chat.setPreference(ana, { conversationId: withDi, setting: 'muted', on: true });
    expect(await chat.getTotalUnread(ana)).toBe(3);
    expect((await list()).chats[0]?.muted).toBe(true);

    await chat.setPreference(ana, { conversationId: withBo, setting: 'pinned', on: true });
    expect((await list()).chats.map((row) => row.id)).toEqual([withBo, withDi, withCy]);

    await chat.setPreference(ana, { conversationId: withCy, setting: 'archived', on: true });
    expect((await list()).chats.map((row) => row.id)).toEqual([withBo, withDi]);
    expect((await list(true)).chats.map((row) => row.id)).toEqual([withCy]);
    expect(await chat.getTotalUnread(ana)).toBe(1);

    moveClock(1000);
    await say(cy, withCy, 'are you there?');
    page = await list();
    expect(page.chats.map((row) => [row.id, row.unread])).toEqual([
      [withBo, 1],
      [withCy, 3],
      [withDi, 3],
    ]);
    expect(await chat.getTotalUnread(ana)).toBe(4);
    expect((await list(true)).chats).toEqual([]);
  });

  it('shows fifty chats and more on asking, none twice and none left out', async () => {
    const ana = await person('c');
    const newestFirst = (await createOldChats(ana.id, chatsPageSize + 7, 'Club')).reverse();

    const first = await chat.listChats(ana, { archived: false });
    expect(first.chats.map((row) => row.id)).toEqual(newestFirst.slice(0, chatsPageSize));
    expect(first.hasMore).toBe(true);
    const all = await chat.listChats(ana, { archived: false, limit: chatsPageSize * 2 });
    expect(all.chats.map((row) => row.id)).toEqual(newestFirst);
    expect(all.hasMore).toBe(false);
    expect(listChatsSchema.safeParse({ archived: false, limit: 0 }).success).toBe(false);
  });
});

describe('money in chat', () => {
  it('sends a transfer card in a one-to-one chat once per send, which the receiver accepts', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    await giveMoney(ana, 100_00);
    const input = { conversationId, clientId: clientId(), amount: 12_50, currency: 'USD' as const, note: 'Dinner 🍜' };
    const sent = await sendTransfer(ana, input);
    const retried = await sendTransfer(ana, input);
    expect(retried.id).toBe(sent.id);
    expect(await db().message.count({ where: { conversationId, kind: 'TRANSFER' } })).toBe(1);
    expect(await db().transfer.count({ where: { senderId: ana.id } })).toBe(1);
    expect(await usd(ana)).toBe(87_50);

    const card = (await find(bo, conversationId, sent.id))?.payment;
    expect(card).toMatchObject({ type: 'transfer', amount: 12_50, status: 'PENDING', mayAccept: true, note: 'Dinner 🍜' });
    expect((await find(ana, conversationId, sent.id))?.payment).toMatchObject({ status: 'PENDING', mayAccept: false });
    expect((await refusal(acceptTransferMessage(ana, { messageId: sent.id }))).code).toBe('FORBIDDEN');

    await acceptTransferMessage(bo, { messageId: sent.id });
    for (const viewer of [ana, bo]) expect((await find(viewer, conversationId, sent.id))?.payment).toMatchObject({ status: 'ACCEPTED', mayAccept: false });
    expect(await usd(bo)).toBe(12_50);
  });

  it('turns the card "returned" live when a transfer is not accepted within a day, and gives the money back', async () => {
    const [ana, bo] = await Promise.all([person('c'), person('c')]);
    const conversationId = await direct(ana, bo);
    await giveMoney(ana, 40_00);
    const sent = await sendTransfer(ana, { conversationId, clientId: clientId(), amount: 15_00, currency: 'USD', note: '' });
    const { paymentId } = await db().message.findUniqueOrThrow({ where: { id: sent.id }, select: { paymentId: true } });
    const browser = listen();
    try {
      await browser.subscribe(chatChannel(conversationId));
      const heard = browser.next<{ messageId: string; what: string }>(chatChannel(conversationId), chatEvents.changed, (event) => event.messageId === sent.id);
      // Not yet due: the job leaves it alone.
      expect(await returnTransferIfExpired(paymentId!)).toBe(false);
      moveClock(24 * 60 * 60 * 1000 + 1000);
      expect(await returnTransferIfExpired(paymentId!)).toBe(true);
      expect(await heard).toMatchObject({ what: 'payment' });
    } finally {
      browser.close();
    }
    for (const viewer of [ana, bo]) expect((await find(viewer, conversationId, sent.id))?.payment).toMatchObject({ status: 'RETURNED', mayAccept: false });
    expect(await usd(ana)).toBe(40_00);
    expect((await refusal(acceptTransferMessage(bo, { messageId: sent.id }))).code).toBe('CONFLICT');
  });

  it('shares a red packet in a group among members who were there when it was sent', async () => {
    const [ana, bo, cy, di, late] = await Promise.all([person('c'), person('c'), person('c'), person('c'), person('c')]);
    const conversationId = await group(ana, [bo, cy, di]);
    await giveMoney(ana, 100_00);
    const sent = await sendRedPacket(ana, { conversationId, clientId: clientId(), amount: 30_00, currency: 'USD', note: '恭喜发财', shares: 3, mode: 'equal' });
    expect(await usd(ana)).toBe(70_00);

    const [fromBo, fromCy] = await Promise.all([claimRedPacketMessage(bo, { messageId: sent.id }), claimRedPacketMessage(cy, { messageId: sent.id })]);
    expect([fromBo.amount, fromCy.amount]).toEqual([10_00, 10_00]);
    for (const claimant of [bo, cy]) {
      expect((await find(claimant, conversationId, sent.id))?.payment).toMatchObject({ type: 'redPacket', claimed: 2, shareCount: 3, myShare: 10_00, mayClaim: false, note: '恭喜发财' });
    }
    expect((await find(di, conversationId, sent.id))?.payment).toMatchObject({ claimed: 2, myShare: null, mayClaim: true });

    await befriend(ana, late);
    await chat.addMembers(ana, { conversationId, memberIds: [late.id] });
    expect((await refusal(claimRedPacketMessage(late, { messageId: sent.id }))).code).toBe('NOT_FOUND');
    expect(await usd(late)).toBe(0);
    await claimRedPacketMessage(di, { messageId: sent.id });
    expect((await find(ana, conversationId, sent.id))?.payment).toMatchObject({ claimed: 3, status: 'FINISHED' });
  });

  it('refuses a transfer in a group and a red packet in a one-to-one chat, moving no money', async () => {
    const [ana, bo, cy] = await Promise.all([person('c'), person('c'), person('c')]);
    const groupId = await group(ana, [bo, cy]);
    const directId = (await chat.startDirect(ana, { personId: bo.id })).conversationId;
    await giveMoney(ana, 50_00);
    const transfer = await refusal(sendTransfer(ana, { conversationId: groupId, clientId: clientId(), amount: 5_00, currency: 'USD', note: '' }));
    expect([transfer.code, transfer.message]).toEqual(['INVALID', 'chat.transferOneToOne']);
    const packet = await refusal(sendRedPacket(ana, { conversationId: directId, clientId: clientId(), amount: 5_00, currency: 'USD', note: '', shares: 1, mode: 'equal' }));
    expect([packet.code, packet.message]).toEqual(['INVALID', 'chat.redPacketInGroups']);
    const tooMany = await refusal(sendRedPacket(ana, { conversationId: groupId, clientId: clientId(), amount: 5_00, currency: 'USD', note: '', shares: 3, mode: 'equal' }));
    expect([tooMany.code, tooMany.fieldErrors.shares]).toEqual(['INVALID', { key: 'chat.sharesMoreThanMembers', values: { count: 2 } }]);
    expect(await usd(ana)).toBe(50_00);
    expect(await db().message.count({ where: { conversationId: { in: [groupId, directId] }, kind: { in: ['TRANSFER', 'RED_PACKET'] } } })).toBe(0);
  });
});
