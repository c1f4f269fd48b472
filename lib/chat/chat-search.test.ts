import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { signUp } from '@/lib/account/service';
import { db } from '@/lib/core/db';
import type { Viewer } from '@/lib/core/session';
import { refusal } from '@/tests/support/refusal';
import { getSearchScope, searchMessages } from './search';
import { markedParts, snippetOf } from './search-text';

/**
 * Conversations, members and messages are written straight to the tables here, as the chat
 * service would write them (the search vector with the body), so search is tested on its own.
 */
let serial = 0;
async function person(name?: string): Promise<Viewer> {
  serial += 1;
  const handle = `s${Date.now().toString(36)}${serial}${Math.floor(Math.random() * 1e4)}`.slice(0, 30);
  const account = await signUp({ name: name ?? `Searcher ${serial}`, handle, email: `${handle}@example.test`, password: 'correct horse battery staple' });
  return { kind: 'person', id: account.id, handle: account.handle, isAdmin: false };
}

const newId = () => `c${randomBytes(16).toString('hex')}`.slice(0, 25);

async function conversation(kind: 'DIRECT' | 'GROUP', members: Viewer[], { title = '', joinedSeq = {} as Record<string, number> } = {}) {
  const id = newId();
  await db().conversation.create({ data: { id, kind, title, createdById: members[0]!.id } });
  for (const [index, member] of members.entries()) {
    await db().conversationMember.create({
      // Distinct join times keep "the first members" in a known order.
      data: { conversationId: id, memberId: member.id, joinedSeq: joinedSeq[member.id] ?? 0, joinedAt: new Date(Date.UTC(2026, 0, 1, 0, index)) },
    });
  }
  return id;
}

async function message(conversationId: string, sender: Viewer | null, body: string, { recalled = false } = {}) {
  const id = newId();
  const [row] = await db().$queryRaw<{ seq: number }[]>`
    UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastMessageId" = ${id} WHERE id = ${conversationId} RETURNING "lastSeq" AS seq`;
  const seq = row!.seq;
  await db().$executeRaw`
    INSERT INTO "Message" (id, "conversationId", seq, "senderId", kind, body, "searchVector", "recalledAt")
    VALUES (${id}, ${conversationId}, ${seq}, ${sender?.id ?? null}, ${sender ? 'TEXT' : 'SYSTEM'}::"MessageKind", ${body},
      to_tsvector('english', ${body}), ${recalled ? new Date() : null})`;
  return { id, seq };
}

const found = async (viewer: Viewer, query: string, conversationId?: string) => (await searchMessages(viewer, { query, conversationId })).map((hit) => hit.messageId);

afterAll(async () => {
  await db().$disconnect();
});

describe('matching', () => {
  it('finds a Chinese word inside a Chinese sentence, and marks it', async () => {
    const [me, friend] = await Promise.all([person('Mei'), person('Lin')]);
    const chat = await conversation('DIRECT', [me, friend]);
    const trip = await message(chat, friend, '我们明天去长城爬山，你来吗？');
    await message(chat, friend, '今天天气很好');

    const hits = await searchMessages(me, { query: '长城' });
    expect(hits.map((hit) => hit.messageId)).toEqual([trip.id]);
    const [hit] = hits;
    expect(hit).toMatchObject({ conversationId: chat, conversationTitle: 'Lin', seq: trip.seq, sender: { id: friend.id, name: 'Lin', handle: friend.handle } });
    expect(markedParts(hit!.snippet, hit!.marks).filter((part) => part.marked).map((part) => part.text)).toEqual(['长城']);
    expect(await found(me, '爬山', chat)).toEqual([trip.id]);
  });

  it('finds a Latin word by its stem, either way round, and marks the word that matched', async () => {
    const [me, friend] = await Promise.all([person(), person()]);
    const chat = await conversation('GROUP', [me, friend], { title: 'Morning club' });
    const runs = await message(chat, friend, 'She runs every morning');
    const running = await message(chat, me, 'We were running late');
    await message(chat, friend, 'Walking is nicer');

    expect(await found(me, 'running')).toEqual(expect.arrayContaining([runs.id, running.id]));
    expect(await found(me, 'running')).toHaveLength(2);
    expect(await found(me, 'run')).toEqual(expect.arrayContaining([runs.id, running.id]));

    const hit = (await searchMessages(me, { query: 'running' })).find((each) => each.messageId === runs.id)!;
    expect(hit.conversationTitle).toBe('Morning club');
    expect(markedParts(hit.snippet, hit.marks).filter((part) => part.marked).map((part) => part.text)).toEqual(['runs']);
  });

  it('takes % and _ literally', async () => {
    const [me, friend] = await Promise.all([person(), person()]);
    const chat = await conversation('DIRECT', [me, friend]);
    const percent = await message(chat, friend, 'I am 100% sure');
    const underscore = await message(chat, friend, 'my file is notes_final.txt');
    await message(chat, friend, 'plain words only');

    expect(await found(me, '%')).toEqual([percent.id]);
    expect(await found(me, '_')).toEqual([underscore.id]);
  });

  it('puts the best word matches first, then the newest', async () => {
    const [me, friend] = await Promise.all([person(), person()]);
    const chat = await conversation('DIRECT', [me, friend]);
    const older = await message(chat, friend, 'Dumplings tonight?');
    const best = await message(chat, friend, 'dumplings dumplings dumplings, the best dumplings');
    const newer = await message(chat, friend, 'Dumplings again');
    const hits = await found(me, 'dumplings');
    expect(hits[0]).toBe(best.id);
    expect(hits.indexOf(newer.id)).toBeLessThan(hits.indexOf(older.id));
  });
});

describe('who may find what', () => {
  it('finds nothing for a non-member, who cannot even name the conversation', async () => {
    const [me, friend, stranger] = await Promise.all([person(), person(), person()]);
    const chat = await conversation('GROUP', [me, friend], { title: 'Hikers' });
    await message(chat, friend, '我们明天去长城爬山，你来吗？');

    expect(await found(stranger, '长城')).toEqual([]);
    expect((await refusal(searchMessages(stranger, { query: '长城', conversationId: chat }))).code).toBe('NOT_FOUND');
    expect((await refusal(searchMessages(stranger, { query: '长城', conversationId: newId() }))).code).toBe('NOT_FOUND');
    expect((await refusal(getSearchScope(stranger, chat))).code).toBe('NOT_FOUND');
    expect(await getSearchScope(me, chat)).toEqual({ id: chat, title: 'Hikers' });
  });

  it('leaves out recalled messages and those deleted for the searcher (but not for others)', async () => {
    const [me, friend] = await Promise.all([person(), person()]);
    const chat = await conversation('DIRECT', [me, friend]);
    const kept = await message(chat, friend, 'The picnic is at noon');
    await message(chat, friend, 'The picnic is cancelled', { recalled: true });
    const hidden = await message(chat, friend, 'The picnic basket is mine');
    await db().messageHidden.create({ data: { memberId: me.id, messageId: hidden.id } });

    expect(await found(me, 'picnic')).toEqual([kept.id]);
    expect(await found(friend, 'picnic')).toEqual(expect.arrayContaining([kept.id, hidden.id]));
    expect(await found(friend, 'picnic')).toHaveLength(2);
  });

  it('leaves out messages from before the searcher joined', async () => {
    const [me, friend, newcomer] = await Promise.all([person(), person(), person()]);
    const chat = await conversation('GROUP', [me, friend, newcomer], { joinedSeq: {} });
    await message(chat, me, 'secret plan one');
    const second = await message(chat, me, 'secret plan two');
    await db().conversationMember.update({ where: { conversationId_memberId: { conversationId: chat, memberId: newcomer.id } }, data: { joinedSeq: second.seq } });
    const third = await message(chat, friend, 'secret plan three');

    expect(await found(newcomer, 'secret')).toEqual([third.id]);
    expect(await found(me, 'secret')).toHaveLength(3);
  });

  it('searches one conversation without the others, and names untitled groups by their members', async () => {
    const [me, ana, bo, cy] = await Promise.all([person('Me'), person('Ana'), person('Bo'), person('Cy')]);
    const group = await conversation('GROUP', [me, ana, bo, cy]);
    const direct = await conversation('DIRECT', [me, ana]);
    const inGroup = await message(group, ana, 'Tea at four?');
    const inDirect = await message(direct, ana, 'Tea later?');

    expect(await found(me, 'tea', group)).toEqual([inGroup.id]);
    expect(await found(me, 'tea', direct)).toEqual([inDirect.id]);
    const all = await searchMessages(me, { query: 'tea' });
    expect(all.map((hit) => hit.messageId)).toEqual(expect.arrayContaining([inGroup.id, inDirect.id]));
    expect(all.find((hit) => hit.messageId === inGroup.id)!.conversationTitle).toBe('Ana, Bo, Cy');
    expect(all.find((hit) => hit.messageId === inDirect.id)!.conversationTitle).toBe('Ana');
  });
});

describe('snippets', () => {
  it('cuts a long message around the first match, with an ellipsis where it was cut', () => {
    const body = `${'a'.repeat(100)} needle ${'b'.repeat(100)}`;
    const { snippet, marks } = snippetOf(body, 'needle');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(82);
    expect(markedParts(snippet, marks).find((part) => part.marked)?.text).toBe('needle');
  });

  it('keeps a short message whole, and never splits an emoji', () => {
    expect(snippetOf('Short and sweet', 'sweet')).toEqual({ snippet: 'Short and sweet', marks: [[10, 15]] });
    const body = `${'😀'.repeat(60)}长城z`;
    const { snippet } = snippetOf(body, '长城');
    expect(snippet).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
