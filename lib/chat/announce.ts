import 'server-only';
import { channelName, publish, publishToEach, publishToOpenUserChannels, revokeChannel, userChannel } from '@/lib/realtime';
import * as chats from './db';
import { chatChannelScope, chatEvents, previewLength } from './events';
import { previewOf } from './present';

/**
 * Telling members after commit (DESIGN.md rule 4). Conversation channels carry ids; the short
 * preview goes to each member's own user channel, chosen from the membership at this moment.
 */

export const chatChannel = (conversationId: string) => channelName('private', chatChannelScope, conversationId);

/** Small chats address each member's channel; big groups first ask which channels are open. */
const directAddressLimit = 20;

async function tellMembers(memberIds: string[], event: string, payload: unknown): Promise<void> {
  if (memberIds.length <= directAddressLimit) await publishToEach(memberIds.map(userChannel), event, payload);
  else await publishToOpenUserChannels(memberIds, event, payload);
}

export async function announceMessage(conversationId: string, stored: chats.StoredMessage, knownMembers?: string[], alsoTell: string[] = []): Promise<void> {
  const preview = previewOf({ kind: stored.kind, body: stored.body, payload: null, recalled: false }).slice(0, previewLength);
  // The open conversation hears first; the chats lists follow once the members are read.
  await Promise.all([
    publish(chatChannel(conversationId), chatEvents.message, { conversationId, messageId: stored.id, seq: stored.seq, senderId: stored.senderId }),
    (async () => {
      const members = knownMembers ?? (await chats.memberIdsOf(conversationId));
      await tellMembers([...new Set([...members, ...alsoTell])], chatEvents.activity, { conversationId, seq: stored.seq, senderId: stored.senderId, preview });
    })(),
  ]);
}

export async function announceChange(conversationId: string, subjectId: string, what: 'edited' | 'recalled' | 'reactions' | 'payment' | 'typing'): Promise<void> {
  if (what === 'typing') {
    await publish(chatChannel(conversationId), chatEvents.typing, { conversationId, memberId: subjectId });
    return;
  }
  await publish(chatChannel(conversationId), chatEvents.changed, { conversationId, messageId: subjectId, what });
  // The chats list shows the last message: an edit or recall of it changes the preview.
  if (what === 'edited' || what === 'recalled') await tellMembers(await chats.memberIdsOf(conversationId), chatEvents.activity, { conversationId, seq: null, senderId: null, preview: null });
}

export async function announceRead(conversationId: string, memberId: string, marks: { lastReadSeq: number; lastDeliveredSeq: number }, delivered: boolean): Promise<void> {
  await Promise.all([
    publish(chatChannel(conversationId), chatEvents.read, { conversationId, memberId, seq: delivered ? marks.lastDeliveredSeq : marks.lastReadSeq, delivered }),
    // The reader's other tabs and devices: their badge goes down too.
    delivered ? Promise.resolve() : publish(userChannel(memberId), chatEvents.activity, { conversationId, seq: null, senderId: null, preview: null }),
  ]);
}

/** Members, name, picture or one member's own settings changed: lists and headers refetch. */
export async function announceConversation(conversationId: string, alsoTell: string[] = [], only?: string[]): Promise<void> {
  const payload = { conversationId, seq: null, senderId: null, preview: null };
  if (only) {
    await publishToEach(only.map(userChannel), chatEvents.activity, payload);
    return;
  }
  await Promise.all([publish(chatChannel(conversationId), chatEvents.conversation, { conversationId }), tellMembers([...(await chats.memberIdsOf(conversationId)), ...alsoTell], chatEvents.activity, payload)]);
}

/**
 * After members left or were removed: sockets of theirs still on the conversation's channels are
 * closed by the realtime server (ADR 007), and reconnect under a new socket id that chat's policy
 * no longer signs for. The presence channel knows whose socket is whose; the private one does
 * not, so every tab with it open reconnects, and members are let straight back in (catching up
 * on what they missed meanwhile).
 */
export async function revokeChannelsOf(conversationId: string, formerMemberIds: string[]): Promise<void> {
  if (formerMemberIds.length === 0) return;
  const presence = channelName('presence', chatChannelScope, conversationId);
  await Promise.all([...formerMemberIds.map((memberId) => revokeChannel(presence, memberId)), revokeChannel(chatChannel(conversationId))]);
}
