import 'server-only';
import { send as notify } from '@/lib/notify';
import { publish, publishToEach, userChannel } from '@/lib/realtime';
import { payEvents } from './events';
import { redPacketChanges, transferChanges, type RedPacketChange, type TransferChange } from './hooks';

/**
 * Everything others must hear after money moved, in one place: other domains' handlers,
 * realtime events on the people's own channels, and notifications. Called after commit.
 */
export async function transferChanged(change: TransferChange): Promise<void> {
  const { transfer } = change;
  const money = { amount: String(transfer.amount), currency: transfer.currency };
  await transferChanges.emit(change);
  // One call per event for both people: the HTTP API takes up to 100 channels at once.
  const both = [transfer.senderId, transfer.receiverId].map(userChannel);
  await Promise.all([
    publishToEach(both, payEvents.transfer, { id: transfer.id, status: transfer.status }),
    publishToEach(both, payEvents.balance, { currency: transfer.currency }),
  ]);
  if (change.change === 'sent') await notify(transfer.receiverId, 'money.received', { actorId: transfer.senderId, data: { ...money, transferId: transfer.id } });
  if (change.change === 'accepted') await notify(transfer.senderId, 'transfer.accepted', { actorId: transfer.receiverId, data: money });
  if (change.change === 'returned') await notify(transfer.senderId, 'transfer.returned', { actorId: transfer.receiverId, data: money });
}

export async function redPacketChanged(change: RedPacketChange): Promise<void> {
  const { packet } = change;
  await redPacketChanges.emit(change);
  const audience = change.change === 'created' ? [packet.senderId, ...packet.eligibleIds] : [packet.senderId, ...(change.claimantId ? [change.claimantId] : [])];
  await publishToEach([...new Set(audience)].map(userChannel), payEvents.redPacket, { id: packet.id, change: change.change });
  if (change.change !== 'created') await publish(userChannel(change.claimantId ?? packet.senderId), payEvents.balance, { currency: packet.currency });
  if (change.change === 'created') {
    for (const personId of packet.eligibleIds) await notify(personId, 'redpacket.received', { actorId: packet.senderId, data: { packetId: packet.id } });
  }
}
