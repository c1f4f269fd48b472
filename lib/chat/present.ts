import 'server-only';
import { now } from '@/lib/core/clock';
import { AppError } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { getPost } from '@/lib/feed';
import { getImageSizes } from '@/lib/media';
import { getRedPacket, getTransfer } from '@/lib/pay';
import * as chats from './db';
import { mayEditMessage, mayRecallMessage } from './policy';
import type { ChatPerson, MessageDto, MessageKindName, PaymentCard, SystemEvent } from './schemas';

/** Rows → what the viewer sees of them. */

export function presentPerson(row: chats.PersonRow): ChatPerson {
  return { id: row.id, handle: row.handle, name: row.name, avatarId: row.avatarId };
}

/** The words of a message for a one-line preview (empty for photos without caption, money, notes). */
export function previewOf(message: { kind: MessageKindName; body: string; payload: unknown; recalled: boolean }): string {
  if (message.recalled || message.kind === 'SYSTEM' || message.kind === 'TRANSFER' || message.kind === 'RED_PACKET') return '';
  return message.body.replace(/\s+/g, ' ').trim();
}

function systemEventOf(kind: MessageKindName, payload: unknown): SystemEvent | null {
  return kind === 'SYSTEM' && payload && typeof payload === 'object' && 'event' in payload ? (payload as SystemEvent) : null;
}
export { systemEventOf };

/** What the viewer may see of a money card; someone who joined after a red packet sees its outside only. */
async function paymentCard(viewer: Viewer, row: chats.MessageRow): Promise<PaymentCard | null> {
  if (!row.paymentId) return null;
  const note = typeof (row.payload as { note?: unknown })?.note === 'string' ? (row.payload as { note: string }).note : '';
  try {
    if (row.kind === 'TRANSFER') {
      const transfer = await getTransfer(viewer, row.paymentId);
      return { type: 'transfer', id: transfer.id, amount: transfer.amount, currency: transfer.currency, note: transfer.note, status: transfer.status, receiverId: transfer.receiverId, mayAccept: transfer.receiverId === viewer.id && transfer.status === 'PENDING' };
    }
    const packet = await getRedPacket(viewer, row.paymentId);
    const mine = packet.claims.find((claim) => claim.personId === viewer.id);
    const expired = packet.status === 'EXPIRED' || packet.expiresAt <= now();
    return {
      type: 'redPacket',
      id: packet.id,
      currency: packet.currency,
      note,
      shareCount: packet.shareCount,
      claimed: packet.claims.length,
      status: expired && packet.status === 'OPEN' ? 'EXPIRED' : packet.status,
      myShare: mine ? mine.amount : null,
      mayClaim: !mine && !expired && packet.status === 'OPEN' && packet.eligibleIds.includes(viewer.id),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

async function postCard(viewer: Viewer, payload: unknown): Promise<MessageDto['card']> {
  const card = payload as { type?: string; id?: string } | null;
  if (card?.type !== 'post' || !card.id) return null;
  try {
    const post = await getPost(viewer, card.id);
    return { type: 'post', id: card.id, preview: { authorName: post.author.name, text: post.body.slice(0, 200), photoId: post.photos[0]?.id ?? null } };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return { type: 'post', id: card.id, preview: null };
    throw error;
  }
}

function systemNames(event: SystemEvent | null, people: Map<string, ChatPerson>): Record<string, string> {
  if (!event) return {};
  const ids = [event.actorId, ...('memberIds' in event ? event.memberIds : [])];
  return Object.fromEntries(ids.flatMap((id) => (people.has(id) ? [[id, people.get(id)!.name]] : [])));
}

/**
 * A page of messages for the viewer, in a fixed number of queries for the page's words, people,
 * photos and receipts. Cards and money cards ask their own domain per card, as that domain's
 * rules for this viewer decide what shows.
 */
export async function present(viewer: Viewer, conversation: chats.ConversationRow, rows: chats.MessageRow[]): Promise<MessageDto[]> {
  const at = now();
  const personIds = new Set<string>();
  for (const row of rows) {
    if (row.senderId) personIds.add(row.senderId);
    if (row.replySenderId) personIds.add(row.replySenderId);
    // People a note names may have left since: their names come with the note.
    const event = systemEventOf(row.kind, row.payload);
    if (event) for (const id of [event.actorId, ...('memberIds' in event ? event.memberIds : [])]) personIds.add(id);
  }
  const ownSeqs = rows.filter((row) => row.senderId === viewer.id && row.kind !== 'SYSTEM').map((row) => row.seq);
  const [people, sizes, receipts, extras] = await Promise.all([
    chats.findPeople([...personIds]),
    getImageSizes(rows.flatMap((row) => row.mediaIds)),
    chats.receiptCounts(conversation.id, viewer.id, ownSeqs),
    Promise.all(rows.map(async (row) => ({ card: row.kind === 'CARD' && !row.recalledAt ? await postCard(viewer, row.payload) : null, payment: await paymentCard(viewer, row) }))),
  ]);
  const byId = new Map(people.map((person) => [person.id, presentPerson(person)]));
  return rows.map((row, index): MessageDto => {
    const receipt = receipts.get(row.seq);
    const recalled = row.recalledAt !== null;
    return {
      id: row.id,
      seq: row.seq,
      clientId: row.senderId === viewer.id ? row.clientId : null,
      kind: row.kind,
      sender: row.senderId ? (byId.get(row.senderId) ?? null) : null,
      mine: row.senderId === viewer.id,
      body: recalled ? '' : row.body,
      photos: recalled ? [] : row.mediaIds.flatMap((id) => (sizes.has(id) ? [{ id, ...sizes.get(id)! }] : [])),
      card: extras[index]!.card,
      payment: extras[index]!.payment,
      system: systemEventOf(row.kind, row.payload),
      names: systemNames(systemEventOf(row.kind, row.payload), byId),
      replyTo: row.replyId
        ? {
            id: row.replyId,
            seq: row.replySeq!,
            senderName: row.replySenderId ? (byId.get(row.replySenderId)?.name ?? null) : null,
            preview: row.replyRecalled ? '' : previewOf({ kind: row.replyKind!, body: row.replyBody ?? '', payload: null, recalled: false }),
          }
        : null,
      forwarded: row.forwarded,
      reactions: row.reactions ?? [],
      edited: row.editedAt !== null,
      recalled,
      createdAt: row.createdAt.toISOString(),
      receipt: receipt
        ? {
            state: receipt.others > 0 && receipt.read === receipt.others ? 'read' : receipt.others > 0 && receipt.delivered === receipt.others ? 'delivered' : 'sent',
            seenBy: receipt.read,
          }
        : row.senderId === viewer.id && row.kind !== 'SYSTEM'
          ? { state: 'sent', seenBy: 0 }
          : null,
      mayEdit: mayEditMessage(viewer.id, row, at),
      mayRecall: mayRecallMessage(viewer.id, row, at),
    };
  });
}
