import 'server-only';
import { acceptTransfer, onRedPacketChanged, onTransferChanged, redPacket, transfer } from '@/lib/pay';
import { AppError, invalidField, notFound } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import * as chats from './db';
import { announceChange } from './announce';
import { getMessage, requireMaySend, storeMessage } from './service';
import type { MessageDto } from './schemas';

/**
 * Money in chat goes through pay (DESIGN.md rule 3): a transfer card in one-to-one chats, red
 * packets in groups. The client id is also pay's idempotency key, so a retried send moves the
 * money once and shows one card.
 */

type MoneyInput = { conversationId: string; clientId: string; amount: number; currency: 'USD' | 'EUR'; note: string };

export async function sendTransfer(viewer: Viewer, input: MoneyInput): Promise<MessageDto> {
  const { conversation } = await requireMaySend(viewer, input.conversationId);
  if (conversation.kind !== 'DIRECT') throw new AppError('INVALID', 'chat.transferOneToOne');
  const receiverId = (await chats.memberIdsOf(conversation.id)).find((id) => id !== viewer.id);
  if (!receiverId) throw notFound();
  const sent = await transfer(viewer, { to: receiverId, amount: input.amount, currency: input.currency, note: input.note, context: 'chat', idempotencyKey: `chat:${input.clientId}` });
  const { stored } = await storeMessage(viewer, conversation.id, input.clientId, { kind: 'TRANSFER', paymentId: sent.id, payload: { note: input.note } });
  return getMessage(viewer, conversation.id, stored.id);
}

/** Everyone in the group at sending time but the sender may claim a share. */
export async function sendRedPacket(viewer: Viewer, input: MoneyInput & { shares: number; mode: 'equal' | 'random' }): Promise<MessageDto> {
  const { conversation } = await requireMaySend(viewer, input.conversationId);
  if (conversation.kind !== 'GROUP') throw new AppError('INVALID', 'chat.redPacketInGroups');
  // Members in a block with the sender are in the group but get no share (pay would refuse them).
  const eligible = await chats.notBlockedWith(viewer.id, (await chats.memberIdsOf(conversation.id)).filter((id) => id !== viewer.id));
  if (input.shares > eligible.length) throw invalidField('shares', { key: 'chat.sharesMoreThanMembers', values: { count: eligible.length } });
  const packet = await redPacket.create(viewer, {
    eligible,
    shares: input.shares,
    total: input.amount,
    currency: input.currency,
    mode: input.mode,
    context: conversation.title || 'chat',
    idempotencyKey: `chat:${input.clientId}`,
  });
  const { stored } = await storeMessage(viewer, conversation.id, input.clientId, { kind: 'RED_PACKET', paymentId: packet.id, payload: { note: input.note } });
  return getMessage(viewer, conversation.id, stored.id);
}

async function paymentMessage(viewer: Viewer, messageId: string, kind: 'TRANSFER' | 'RED_PACKET') {
  const message = await chats.findMessage(messageId);
  const found = message ? await chats.findMembership(message.conversationId, viewer.id) : null;
  if (!message?.paymentId || !found || message.seq <= found.member.joinedSeq || message.kind !== kind) throw notFound();
  return { message, paymentId: message.paymentId };
}

export async function acceptTransferMessage(viewer: Viewer, input: { messageId: string }): Promise<MessageDto> {
  const { message, paymentId } = await paymentMessage(viewer, input.messageId, 'TRANSFER');
  await acceptTransfer(viewer, paymentId);
  return getMessage(viewer, message.conversationId, message.id);
}

export async function claimRedPacketMessage(viewer: Viewer, input: { messageId: string }): Promise<{ amount: number; currency: string; message: MessageDto }> {
  const { message, paymentId } = await paymentMessage(viewer, input.messageId, 'RED_PACKET');
  const claimed = await redPacket.claim(viewer, paymentId);
  return { amount: claimed.amount, currency: claimed.packet.currency, message: await getMessage(viewer, message.conversationId, message.id) };
}

/**
 * Whoever moves the money (a person here or on the wallet page, or the worker returning it),
 * the cards showing it change in every open chat.
 */
async function paymentChanged(paymentId: string): Promise<void> {
  for (const message of await chats.findMessagesByPayment(paymentId)) await announceChange(message.conversationId, message.id, 'payment');
}

let registered = false;
export function registerPaymentCards(): void {
  if (registered) return;
  registered = true;
  onTransferChanged(({ transfer: changed, change }) => (change === 'sent' ? undefined : paymentChanged(changed.id)));
  onRedPacketChanged(({ packet, change }) => (change === 'created' ? undefined : paymentChanged(packet.id)));
}
registerPaymentCards();
