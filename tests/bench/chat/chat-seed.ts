/**
 * The chat benchmark's data, written by bulk SQL (INSERT … SELECT over unnest and
 * generate_series) into a database that already holds scale people (scripts/lib/scale-seed):
 * - `sender` is in a group of 201 members (the send benchmark's conversation) and in two
 *   one-to-one chats, one with 1,000 messages and one with 100,000;
 * - for each list size (20 and 2,000), a person of their own has that many one-to-one chats,
 *   each with three messages.
 * Conversation.lastSeq / lastMessageId / lastActivityAt follow the messages, searchVector is
 * to_tsvector('english', body) and some chats have unread messages.
 */
import pg from 'pg';

export type ChatSeedPerson = { id: string; handle: string; email: string };

export type ChatSeed = {
  seconds: number;
  messages: number;
  sender: ChatSeedPerson;
  group: { id: string; members: number };
  /** Keyed by message count: the one-to-one chats `sender` opens. */
  history: Record<number, { id: string; messages: number; unread: number }>;
  /** Keyed by conversation count: who has that many chats. */
  lists: Record<number, ChatSeedPerson>;
};

export type ChatSeedOptions = {
  groupMembers: number;
  historySizes: number[];
  listSizes: number[];
  /** Unread messages when a history chat is opened, the same for every size. */
  unread: number;
  log?: (line: string) => void;
};

type Plan = {
  ids: string[];
  kinds: ('DIRECT' | 'GROUP')[];
  titles: string[];
  directKeys: (string | null)[];
  creators: string[];
  messageCounts: number[];
  /** Two senders per conversation take turns. */
  senderA: string[];
  senderB: string[];
  /** When the last message was sent. */
  lastAt: Date[];
  members: { conversation: string; member: string; role: 'ADMIN' | 'MEMBER'; lastReadSeq: number }[];
};

const minute = 60_000;
const bodies = [
  'Are we still on for dinner tonight?',
  'Running ten minutes late, sorry!',
  'Did you see the match yesterday? Unbelievable finish.',
  'Can you send me the photos from the trip?',
  'The bakery on the corner has fresh croissants again.',
  '周末一起去爬山吗？',
  'I pushed the slides to the shared folder, have a look when you can.',
  'Happy birthday! 🎂',
  '明天下午三点开会，别忘了。',
  'Thanks, that works for me.',
  'Who is bringing the board games on Saturday?',
  'The train is delayed again, typical.',
];

/** Conversation ids as cuid-like strings the chat schemas accept ([a-z0-9]{20,40}). */
const conversationId = (index: number) => `cbenchchat${String(index).padStart(15, '0')}`;

export async function seedChat(url: string, options: ChatSeedOptions): Promise<ChatSeed> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: people } = await client.query<ChatSeedPerson>(`SELECT id, handle, email FROM "User" WHERE handle ~ '^scale[0-9]{6,}$' ORDER BY handle`);
    const [sender, ...rest] = people;
    const listOwners = rest.splice(0, options.listSizes.length);
    const others = rest;
    const needed = Math.max(options.groupMembers - 1, options.historySizes.length, ...options.listSizes);
    if (!sender || others.length < needed) throw new Error(`the chat bench needs ${needed + 1 + options.listSizes.length} scale people, found ${people.length}`);

    const plan: Plan = { ids: [], kinds: [], titles: [], directKeys: [], creators: [], messageCounts: [], senderA: [], senderB: [], lastAt: [], members: [] };
    const now = Date.now();
    const add = (conversation: { kind: 'DIRECT' | 'GROUP'; title?: string; a: string; b: string; messages: number; lastAt: number }) => {
      const id = conversationId(plan.ids.length);
      plan.ids.push(id);
      plan.kinds.push(conversation.kind);
      plan.titles.push(conversation.title ?? '');
      plan.directKeys.push(conversation.kind === 'DIRECT' ? [conversation.a, conversation.b].sort().join(':') : null);
      plan.creators.push(conversation.a);
      plan.messageCounts.push(conversation.messages);
      plan.senderA.push(conversation.a);
      plan.senderB.push(conversation.b);
      plan.lastAt.push(new Date(conversation.lastAt));
      return id;
    };

    const groupMembers = [sender, ...others.slice(0, options.groupMembers - 1)];
    const groupId = add({ kind: 'GROUP', title: 'Neighbourhood', a: sender.id, b: others[0]!.id, messages: 20, lastAt: now - minute });
    groupMembers.forEach((person, index) =>
      plan.members.push({ conversation: groupId, member: person.id, role: index === 0 ? 'ADMIN' : 'MEMBER', lastReadSeq: index === 0 ? 20 : 10 + (index % 10) }),
    );

    const history: ChatSeed['history'] = {};
    options.historySizes.forEach((messages, index) => {
      const other = others[index]!;
      const id = add({ kind: 'DIRECT', a: sender.id, b: other.id, messages, lastAt: now - (index + 2) * minute });
      plan.members.push({ conversation: id, member: sender.id, role: 'MEMBER', lastReadSeq: messages - options.unread });
      plan.members.push({ conversation: id, member: other.id, role: 'MEMBER', lastReadSeq: messages });
      history[messages] = { id, messages, unread: options.unread };
    });

    // The lists: each owner talks with the first N others; one chat in four has two unread.
    const lists: ChatSeed['lists'] = {};
    options.listSizes.forEach((size, index) => {
      const owner = listOwners[index]!;
      lists[size] = owner;
      for (let k = 0; k < size; k++) {
        const id = add({ kind: 'DIRECT', a: others[k]!.id, b: owner.id, messages: 3, lastAt: now - (k + 1) * 7 * minute });
        plan.members.push({ conversation: id, member: owner.id, role: 'MEMBER', lastReadSeq: k % 4 === 0 ? 1 : 3 });
        plan.members.push({ conversation: id, member: others[k]!.id, role: 'MEMBER', lastReadSeq: 3 });
      }
    });

    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    await client.query(
      `INSERT INTO "Conversation" (id, kind, "directKey", title, "createdById", "createdAt", "lastActivityAt")
       SELECT c.id, c.kind, c.direct_key, c.title, c.creator, c.last_at - interval '30 days', c.last_at
       FROM unnest($1::text[], $2::"ConversationKind"[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[]) AS c(id, kind, direct_key, title, creator, last_at)`,
      [plan.ids, plan.kinds, plan.directKeys, plan.titles, plan.creators, plan.lastAt.map(utc)],
    );
    await client.query(
      `INSERT INTO "ConversationMember" ("conversationId", "memberId", role, "lastReadSeq", "lastDeliveredSeq", "joinedAt")
       SELECT m.conversation, m.member, m.role, m.last_read, m.last_read, now() - interval '30 days'
       FROM unnest($1::text[], $2::text[], $3::"ChatRole"[], $4::int[]) AS m(conversation, member, role, last_read)`,
      [plan.members.map((m) => m.conversation), plan.members.map((m) => m.member), plan.members.map((m) => m.role), plan.members.map((m) => m.lastReadSeq)],
    );
    log(`${plan.ids.length.toLocaleString('en-US')} conversations, ${plan.members.length.toLocaleString('en-US')} members written`);
    // Message ids: "cm", the conversation's number, the seq — unique, and ascending within a chat.
    const inserted = await client.query(
      `INSERT INTO "Message" (id, "conversationId", seq, "senderId", "clientId", kind, body, "createdAt", "searchVector")
       SELECT m.id, m.conversation, m.seq, m.sender, 'seed' || m.id, 'TEXT', m.body, m.created_at, to_tsvector('english', m.body)
       FROM (
         SELECT 'cm' || lpad(c.ordinal::text, 6, '0') || lpad(s.seq::text, 12, '0') AS id, c.id AS conversation, s.seq,
                CASE WHEN s.seq % 2 = 1 THEN c.a ELSE c.b END AS sender,
                ($7::text[])[1 + (s.seq * 7 + c.ordinal) % cardinality($7::text[])] || ' (' || s.seq || ')' AS body,
                c.last_at - (c.count - s.seq) * interval '30 seconds' AS created_at
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::timestamp(3)[], $6::int[]) AS c(id, count, a, b, last_at, ordinal)
         CROSS JOIN LATERAL generate_series(1, c.count) AS s(seq)
       ) m`,
      [plan.ids, plan.messageCounts, plan.senderA, plan.senderB, plan.lastAt.map(utc), plan.ids.map((_, index) => index), bodies],
    );
    log(`${(inserted.rowCount ?? 0).toLocaleString('en-US')} messages written (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    await client.query(
      `UPDATE "Conversation" c SET "lastSeq" = m.seq, "lastMessageId" = m.id, "lastActivityAt" = m."createdAt"
       FROM (SELECT DISTINCT ON ("conversationId") "conversationId", seq, id, "createdAt" FROM "Message"
             WHERE "conversationId" = ANY($1::text[]) ORDER BY "conversationId", seq DESC) m
       WHERE c.id = m."conversationId"`,
      [plan.ids],
    );
    await client.query('COMMIT');
    return {
      seconds: (performance.now() - started) / 1000,
      messages: inserted.rowCount ?? 0,
      sender,
      group: { id: groupId, members: groupMembers.length },
      history,
      lists,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** timestamp(3) without zone, as Prisma stores DateTime: the UTC wall clock. */
function utc(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
