/**
 * Demo chats, so the Chats tab is alive on first start: Ana's one-to-one chats with Mei and
 * Tomás (English and Chinese, a reply, reactions, a few messages she has not read yet), money
 * from Priya waiting to be accepted, and the "Weekend hikers" group with a red packet Ana has
 * not opened. Written through chat's own services so every rule holds (friends only, read
 * marks, money through pay); the clock is set back so the history reads in order over two days.
 */
import { claimRedPacketMessage, sendRedPacket, sendTransfer } from '@/lib/chat/payments';
import { sendMessageSchema } from '@/lib/chat/schemas';
import { addMembers, createGroup, markRead, react, sendMessage, startDirect } from '@/lib/chat/service';
import { moveClock, now, resetClock } from '@/lib/core/clock';
import type { Viewer } from '@/lib/core/session';

type Emoji = '👍' | '❤️' | '😂' | '😮' | '😢' | '🙏';
/** A line of a chat: who, what, how many minutes before the seed ran; optionally a reply (index of an earlier line) and reactions. */
type Line = { by: string; text: string; ago: number; replyTo?: number; reactions?: [handle: string, emoji: Emoji][] };

const withMei: Line[] = [
  { by: 'mei', text: 'Ana! 你回里斯本了吗？', ago: 130 },
  { by: 'ana', text: 'Just landed 🛬 Jet lag is real.', ago: 126 },
  { by: 'mei', text: '哈哈，先好好睡一觉 😴', ago: 125 },
  { by: 'ana', text: 'The tea you gave me is amazing, by the way. 谢谢！', ago: 118 },
  { by: 'mei', text: '不客气！It is Longjing from Hangzhou 🍵', ago: 116 },
  { by: 'ana', text: 'Are you coming to the hike on Saturday?', ago: 110 },
  { by: 'mei', text: '当然！我带相机 📷', ago: 108, replyTo: 5, reactions: [['ana', '❤️']] },
  { by: 'ana', text: 'Perfect. Bring the film one!', ago: 105 },
  // Ana has not read from here on.
  { by: 'mei', text: '好的～ 对了，周六天气预报说早上有小雨 🌧️', ago: 48 },
  { by: 'mei', text: 'Maybe we start a bit later, at 8?', ago: 47 },
  { by: 'mei', text: '我可以早点去买咖啡 ☕', ago: 40 },
];

const withTomas: Line[] = [
  { by: 'tomas', text: 'Hola Ana! Your sourdough is reserved for Saturday 🍞', ago: 1500 },
  { by: 'ana', text: 'You are a hero. How much do I owe you?', ago: 1490 },
  { by: 'tomas', text: 'Nothing, it is for the hikers 😄', ago: 1488 },
  { by: 'ana', text: 'Then the coffee is on me.', ago: 1480 },
  { by: 'tomas', text: 'Deal.', ago: 1479 },
  { by: 'tomas', text: 'Also — 我在学中文！你好吗？', ago: 1420 },
  { by: 'ana', text: '我很好！Mei will be so proud.', ago: 1410, replyTo: 5 },
  { by: 'tomas', text: 'She already corrected my tones twice 😅', ago: 1405, reactions: [['ana', '😂']] },
  { by: 'ana', text: 'See you Saturday then!', ago: 1400 },
  // Ana has not read this one yet.
  { by: 'tomas', text: '👍 Hasta el sábado! I will bring a second loaf for Priya.', ago: 600 },
];

const withPriya: Line[] = [
  { by: 'ana', text: 'Got us two tickets for Friday’s concert 🎶', ago: 200 },
  { by: 'priya', text: 'Yay! Sending you my half now.', ago: 182 },
];

/** Ana starts the group with three friends, then adds Priya (the "joined" note) after line 8. */
const hikersTitle = 'Weekend hikers';
const hikersFirst = ['mei', 'tomas', 'sofia'];
const hikersLater = 'priya';
const hikers: Line[] = [
  { by: 'ana', text: 'Welcome to Weekend hikers! Saturday: Sintra, the sunrise route 🌄', ago: 2870 },
  { by: 'mei', text: '太好了！我第一次去辛特拉。', ago: 2865 },
  { by: 'tomas', text: 'I will bring bread for everyone 🍞', ago: 2860, reactions: [['ana', '🙏'], ['sofia', '❤️']] },
  { by: 'sofia', text: 'Count me in. What time do we meet?', ago: 2850 },
  { by: 'ana', text: '7:00 at Rossio station, first train.', ago: 2845 },
  { by: 'mei', text: '要带什么装备？', ago: 2840 },
  { by: 'ana', text: 'Good shoes, water and a jacket — it gets windy at the top.', ago: 2835, replyTo: 5 },
  { by: 'sofia', text: 'Can I bring a friend? Priya is visiting Lisbon that weekend.', ago: 1450 },
  { by: 'ana', text: 'Of course! Adding her now.', ago: 1445 },
  // ← Priya joins here.
  { by: 'priya', text: 'Hi everyone 👋 Thanks for having me!', ago: 1440 },
  { by: 'mei', text: '欢迎 Priya！周六见 😊', ago: 1435 },
  { by: 'tomas', text: 'Forecast: a little rain early, clear by nine ☀️', ago: 90, reactions: [['sofia', '👍'], ['mei', '👍']] },
  { by: 'mei', text: '那我们八点出发吧？', ago: 85 },
  // ← Sofia's red packet here.
  { by: 'mei', text: '谢谢 Sofia！抢到了 🧧', ago: 55 },
  { by: 'tomas', text: 'Gracias! The first round of coffee is covered ☕', ago: 50 },
  { by: 'priya', text: 'Do we need tickets for the palace, or only the park?', ago: 30 },
  { by: 'sofia', text: 'Only the park is fine — 10 € at the gate.', ago: 22 },
];
const joinAfter = 8;
const redPacketAfter = 12;

const minute = 60 * 1000;

export async function seedChats(viewers: Map<string, Viewer>): Promise<string> {
  const as = (handle: string) => viewers.get(handle)!;
  const ana = as('ana');
  const started = now().getTime();
  // Each message is stored at its own moment: the clock is moved to it, then back at the end.
  const at = (ago: number) => moveClock(started - ago * minute - now().getTime());
  let messages = 0;

  /** Plays `lines` into a conversation; returns the stored messages' ids and seqs in order. */
  async function play(conversationId: string, key: string, lines: Line[], from = 0, to = lines.length, stored: { id: string; seq: number }[] = []) {
    for (let index = from; index < to; index += 1) {
      const line = lines[index]!;
      at(line.ago);
      const replyToId = line.replyTo === undefined ? undefined : stored[line.replyTo]!.id;
      const sent = await sendMessage(as(line.by), sendMessageSchema.parse({ conversationId, clientId: `demo-${key}-${index}`, body: line.text, replyToId }));
      stored[index] = { id: sent.id, seq: sent.seq };
      messages += 1;
      for (const [handle, emoji] of line.reactions ?? []) await react(as(handle), { messageId: sent.id, emoji, on: true });
    }
    return stored;
  }

  /** The others have read everything; Ana has received everything and read up to `anaReadSeq`. */
  async function readMarks(conversationId: string, members: string[], lastSeq: number, anaReadSeq?: number) {
    for (const handle of members) if (handle !== 'ana') await markRead(as(handle), { conversationId, seq: lastSeq, delivered: false });
    await markRead(ana, { conversationId, seq: lastSeq, delivered: true });
    if (anaReadSeq !== undefined) await markRead(ana, { conversationId, seq: anaReadSeq, delivered: false });
  }

  try {
    // The oldest first, so the chats list orders itself by last activity as people would see it.
    at(2880);
    const hikersId = (await createGroup(ana, { title: hikersTitle, memberIds: hikersFirst.map((handle) => as(handle).id) })).conversationId;
    const hikerLines = await play(hikersId, 'hikers', hikers, 0, joinAfter + 1);
    at(hikers[joinAfter]!.ago - 1);
    await addMembers(ana, { conversationId: hikersId, memberIds: [as(hikersLater).id] });

    at(withTomas[0]!.ago + 5);
    const tomasId = (await startDirect(ana, { personId: as('tomas').id })).conversationId;
    const tomasLines = await play(tomasId, 'tomas', withTomas);
    await readMarks(tomasId, ['tomas'], tomasLines.at(-1)!.seq, tomasLines.at(-2)!.seq);

    await play(hikersId, 'hikers', hikers, joinAfter + 1, redPacketAfter + 1, hikerLines);

    at(withPriya[0]!.ago + 5);
    const priyaId = (await startDirect(ana, { personId: as('priya').id })).conversationId;
    const priyaLines = await play(priyaId, 'priya', withPriya);
    at(180);
    const gift = await sendTransfer(as('priya'), { conversationId: priyaId, clientId: 'demo-priya-transfer', amount: 25_00, currency: 'USD', note: 'Concert tickets 🎶' });
    await readMarks(priyaId, ['priya'], gift.seq, priyaLines.at(-1)!.seq);

    at(withMei[0]!.ago + 5);
    const meiId = (await startDirect(as('mei'), { personId: ana.id })).conversationId;
    const meiLines = await play(meiId, 'mei', withMei);
    await readMarks(meiId, ['mei'], meiLines.at(-1)!.seq, meiLines[7]!.seq);

    at(60);
    const packet = await sendRedPacket(as('sofia'), { conversationId: hikersId, clientId: 'demo-hikers-packet', amount: 30_00, currency: 'USD', note: '咖啡基金 Coffee fund', shares: 3, mode: 'random' });
    at(57);
    await claimRedPacketMessage(as('mei'), { messageId: packet.id });
    await claimRedPacketMessage(as('tomas'), { messageId: packet.id });
    await play(hikersId, 'hikers', hikers, redPacketAfter + 1, hikers.length, hikerLines);
    // Ana read the group up to the weather; the red packet and what followed wait for her.
    await readMarks(hikersId, [...hikersFirst, hikersLater], hikerLines.at(-1)!.seq, hikerLines[redPacketAfter - 1]!.seq);
  } finally {
    resetClock();
  }
  return `4 chats (${messages} messages, a group with ${hikersFirst.length + 2} people, a transfer and a red packet waiting for Ana)`;
}
