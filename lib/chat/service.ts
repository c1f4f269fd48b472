import 'server-only';
import { getFriendsStatus, isBlockedBetween } from '@/lib/account';
import { now } from '@/lib/core/clock';
import { AppError, invalidField, notFound } from '@/lib/core/errors';
import { systemViewer, type Viewer } from '@/lib/core/viewer';
import { getPost } from '@/lib/feed';
import { requireOwnImages } from '@/lib/media';
import { withdrawRedPacketEligibility } from '@/lib/pay';
import * as chats from './db';
import { announceChange, announceConversation, announceMessage, announceRead, revokeChannelsOf } from './announce';
import { mayEditMessage, mayForwardMessage, mayManageGroup, mayRecallMessage } from './policy';
import { present, presentPerson, previewOf, systemEventOf } from './present';
import {
  chatsPageSize,
  maxGroupMembers,
  presenceMemberLimit,
  type ChatSummary,
  type ChatsPage,
  type ConversationDto,
  type CreateGroupInput,
  type HistoryInput,
  type HistoryPage,
  type MessageDto,
  type SendMessageInput,
  type SystemEvent,
} from './schemas';

const olderPage = 30;
const newerPage = 50;

// ---- Membership: to a non-member a conversation does not exist ----------------------------

export async function requireMember(viewer: Viewer, conversationId: string) {
  const found = await chats.findMembership(conversationId, viewer.id);
  if (!found) throw notFound();
  return found;
}

/** A message the viewer may read: in a conversation they belong to, after they joined, not deleted for them. */
async function requireReadableMessage(viewer: Viewer, messageId: string) {
  const message = await chats.findMessage(messageId);
  if (!message) throw notFound();
  const found = await chats.findMembership(message.conversationId, viewer.id);
  if (!found || message.seq <= found.member.joinedSeq || (await chats.isHiddenFor(viewer.id, messageId))) throw notFound();
  return { message, ...found };
}

/** One-to-one: the other participant, and whether a block stands between them. */
async function directCounterpart(viewer: Viewer, conversationId: string): Promise<{ otherId: string | null; blocked: boolean }> {
  const otherId = (await chats.memberIdsOf(conversationId)).find((id) => id !== viewer.id) ?? null;
  return { otherId, blocked: otherId ? await isBlockedBetween(viewer.id, otherId) : false };
}

export async function mayListenOnChatChannel(viewer: Viewer, channel: { access: string; id: string }): Promise<boolean> {
  const found = await chats.findMembership(channel.id, viewer.id);
  if (!found) return false;
  if (channel.access === 'presence') return (await chats.countMembers(channel.id)) <= presenceMemberLimit;
  return channel.access === 'private';
}

// ---- Starting conversations ---------------------------------------------------------------

/** Opens the one-to-one chat with a friend, creating it the first time. */
export async function startDirect(viewer: Viewer, input: { personId: string }): Promise<{ conversationId: string }> {
  if (input.personId === viewer.id) throw invalidField('personId', 'chat.notYourself');
  const directKey = [viewer.id, input.personId].sort().join(':');
  const existing = await chats.findDirect(directKey);
  if (existing && (await chats.findMembership(existing.id, viewer.id))) return { conversationId: existing.id };
  if (!(await chats.friendsAmong(viewer.id, [input.personId])).has(input.personId)) throw new AppError('FORBIDDEN', 'chat.friendsOnly');
  try {
    const created = await chats.inTransaction((tx) =>
      chats.insertConversation(tx, { kind: 'DIRECT', directKey, createdById: viewer.id }, [
        { memberId: viewer.id, role: 'MEMBER' },
        { memberId: input.personId, role: 'MEMBER' },
      ]),
    );
    return { conversationId: created.id };
  } catch (error) {
    // Both people opened the chat at the same moment: the other request created it.
    if (!chats.isUniqueViolation(error)) throw error;
    const raced = await chats.findDirect(directKey);
    if (!raced) throw error;
    return { conversationId: raced.id };
  }
}

async function requireFriends(viewer: Viewer, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)].filter((id) => id !== viewer.id);
  const friends = await chats.friendsAmong(viewer.id, unique);
  if (unique.some((id) => !friends.has(id))) throw invalidField('memberIds', 'chat.friendsOnly');
  return unique;
}

async function appendSystem(tx: Parameters<Parameters<typeof chats.inTransaction>[0]>[0], conversationId: string, event: SystemEvent) {
  const stored = await chats.appendMessage(tx, conversationId, { senderId: null, kind: 'SYSTEM', payload: event }, now());
  await chats.markSeenBy(tx, conversationId, event.actorId, stored.seq);
  return stored;
}

/** A group of the creator (its first admin) and friends of theirs, with a note that it began. */
export async function createGroup(viewer: Viewer, input: CreateGroupInput): Promise<{ conversationId: string }> {
  const others = await requireFriends(viewer, input.memberIds);
  if (others.length < 2) throw invalidField('memberIds', 'chat.groupTooSmall');
  if (others.length + 1 > maxGroupMembers) throw invalidField('memberIds', 'chat.groupTooLarge');
  const { conversation, stored } = await chats.inTransaction(async (tx) => {
    const conversation = await chats.insertConversation(tx, { kind: 'GROUP', title: input.title, createdById: viewer.id }, [
      { memberId: viewer.id, role: 'ADMIN' },
      ...others.map((memberId) => ({ memberId, role: 'MEMBER' as const })),
    ]);
    const stored = await appendSystem(tx, conversation.id, { event: 'created', actorId: viewer.id });
    return { conversation, stored };
  });
  await announceMessage(conversation.id, stored, [viewer.id, ...others]);
  return { conversationId: conversation.id };
}

// ---- Reading ------------------------------------------------------------------------------

function chatTitle(row: chats.ChatRow | chats.ConversationRow, otherName: string | null): string {
  return row.kind === 'DIRECT' ? (otherName ?? '') : row.title;
}

/**
 * The first `limit` chats. "Show more" asks again with a larger limit rather than a cursor: the
 * list reorders with every message, and a page re-read whole stays consistent with itself.
 */
export async function listChats(viewer: Viewer, input: { archived?: boolean; limit?: number } = {}): Promise<ChatsPage> {
  const limit = input.limit ?? chatsPageSize;
  const read = await chats.listChats(viewer.id, { archived: input.archived ?? false, limit: limit + 1 });
  const rows = read.slice(0, limit);
  // A note as the last message names people: one read for the whole page.
  const noted = rows.flatMap((row) => {
    const event = row.lastKind ? systemEventOf(row.lastKind, row.lastPayload) : null;
    return event ? [event.actorId, ...('memberIds' in event ? event.memberIds : [])] : [];
  });
  // The viewer's own name is left empty: the browser says "You" in its language.
  const named = new Map((await chats.findPeople(noted)).map((person) => [person.id, person.id === viewer.id ? '' : person.name]));
  const summaries: ChatSummary[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: chatTitle(row, row.otherName),
    avatarId: row.kind === 'DIRECT' ? row.otherAvatarId : row.avatarId,
    other: row.otherId ? { id: row.otherId, handle: row.otherHandle!, name: row.otherName!, avatarId: row.otherAvatarId } : null,
    memberCount: row.memberCount,
    lastMessage: row.lastKind
      ? {
          kind: row.lastKind,
          text: previewOf({ kind: row.lastKind, body: row.lastBody ?? '', payload: row.lastPayload, recalled: row.lastRecalled }).slice(0, 120),
          recalled: row.lastRecalled,
          system: systemEventOf(row.lastKind, row.lastPayload),
          names: Object.fromEntries(named),
          senderName: row.lastSenderName,
          at: row.lastActivityAt.toISOString(),
          mine: row.lastSenderId === viewer.id,
        }
      : null,
    lastActivityAt: row.lastActivityAt.toISOString(),
    unread: row.unread,
    muted: row.mutedAt !== null,
    pinned: row.pinnedAt !== null,
    archived: row.archivedAt !== null,
  }));
  const statuses = await getFriendsStatus(viewer, summaries.flatMap((chat) => (chat.other ? [chat.other.id] : [])));
  return { chats: summaries, hasMore: read.length > limit, statuses: Object.fromEntries(statuses) };
}

export async function getTotalUnread(viewer: Viewer): Promise<number> {
  return chats.totalUnread(viewer.id);
}

/** The viewer's friends among these people who are online: Plaza shows online status to friends only. */
async function friendsOnline(viewer: Viewer, people: { id: string }[]): Promise<string[]> {
  const statuses = await getFriendsStatus(viewer, people.map((person) => person.id));
  return [...statuses.values()].filter((status) => status.online).map((status) => status.personId);
}

export async function getConversation(viewer: Viewer, conversationId: string): Promise<ConversationDto> {
  const { conversation, member } = await requireMember(viewer, conversationId);
  const members = await chats.listMembers(conversationId);
  const memberCount = members.length < maxGroupMembers ? members.length : await chats.countMembers(conversationId);
  const other = conversation.kind === 'DIRECT' ? (members.find((person) => person.id !== viewer.id) ?? null) : null;
  return {
    id: conversation.id,
    kind: conversation.kind,
    title: chatTitle(conversation, other?.name ?? null),
    avatarId: conversation.kind === 'DIRECT' ? (other?.avatarId ?? null) : conversation.avatarId,
    other: other ? presentPerson(other) : null,
    members: members.map((person) => ({ ...presentPerson(person), role: person.role })),
    memberCount,
    myRole: member.role,
    muted: member.mutedAt !== null,
    pinned: member.pinnedAt !== null,
    archived: member.archivedAt !== null,
    lastReadSeq: Math.max(member.lastReadSeq, member.joinedSeq),
    lastSeq: conversation.lastSeq,
    usesPresence: memberCount <= presenceMemberLimit,
    onlineIds: memberCount <= presenceMemberLimit ? [] : await friendsOnline(viewer, members),
    blocked: other ? await isBlockedBetween(viewer.id, other.id) : false,
  };
}

/**
 * A page of history. With `before`: older messages, backward (keyset on the sequence number).
 * With `after`: everything newer, oldest first (new messages, and catching up after a
 * reconnect). Neither: the page opens at the first unread message (or at `around`).
 */
export async function listMessages(viewer: Viewer, input: HistoryInput): Promise<HistoryPage> {
  const { conversation, member } = await requireMember(viewer, input.conversationId);
  const joined = member.joinedSeq;
  if (input.after !== undefined) {
    const rows = await chats.messagesAfter(conversation.id, viewer.id, joined, input.after, newerPage);
    return { messages: await present(viewer, conversation, rows), hasOlder: false, hasNewer: rows.length === newerPage };
  }
  if (input.before !== undefined) {
    const rows = (await chats.messagesBefore(conversation.id, viewer.id, joined, input.before, olderPage)).reverse();
    return { messages: await present(viewer, conversation, rows), hasOlder: rows.length === olderPage, hasNewer: false };
  }
  const firstUnread = Math.max(member.lastReadSeq, joined) + 1;
  const around = input.around ?? Math.min(firstUnread, conversation.lastSeq + 1);
  const [older, newer] = await Promise.all([
    chats.messagesBefore(conversation.id, viewer.id, joined, around, olderPage),
    chats.messagesAfter(conversation.id, viewer.id, joined, around - 1, newerPage),
  ]);
  return { messages: await present(viewer, conversation, [...older.reverse(), ...newer]), hasOlder: older.length === olderPage, hasNewer: newer.length === newerPage };
}

// ---- Sending ------------------------------------------------------------------------------

async function requireMaySend(viewer: Viewer, conversationId: string) {
  const found = await requireMember(viewer, conversationId);
  if (found.conversation.kind === 'DIRECT' && (await directCounterpart(viewer, conversationId)).blocked) throw new AppError('FORBIDDEN', 'chat.blocked');
  return found;
}

/** A message already stored under this client id: the retry gets it back instead of a copy. */
async function earlierSend(viewer: Viewer, conversationId: string, clientId: string): Promise<chats.StoredMessage | null> {
  const earlier = await chats.findByClientId(viewer.id, clientId);
  if (earlier && earlier.conversationId !== conversationId) throw new AppError('CONFLICT', 'chat.clientIdReused');
  return earlier;
}

/**
 * Stores `message` once per client id and tells the members after commit. A concurrent retry
 * of the same id loses the unique constraint race and gets the stored one.
 */
export async function storeMessage(
  viewer: Viewer,
  conversationId: string,
  clientId: string,
  message: Omit<chats.NewMessage, 'senderId' | 'clientId'>,
  options: { earlierChecked?: boolean } = {},
): Promise<{ stored: chats.StoredMessage; created: boolean }> {
  const earlier = options.earlierChecked ? null : await earlierSend(viewer, conversationId, clientId);
  if (earlier) return { stored: earlier, created: false };
  let stored: chats.StoredMessage;
  try {
    stored = await chats.inTransaction(async (tx) => {
      const appended = await chats.appendMessage(tx, conversationId, { ...message, senderId: viewer.id, clientId }, now());
      await chats.unarchiveAll(tx, conversationId);
      return appended;
    });
  } catch (error) {
    if (!chats.isUniqueViolation(error)) throw error;
    const raced = await earlierSend(viewer, conversationId, clientId);
    if (!raced) throw error;
    return { stored: raced, created: false };
  }
  await announceMessage(conversationId, stored);
  return { stored, created: true };
}

async function oneMessage(viewer: Viewer, conversation: chats.ConversationRow, member: chats.MemberRow, messageId: string): Promise<MessageDto> {
  const rows = await chats.messagesByIds(conversation.id, viewer.id, member.joinedSeq, [messageId]);
  const [dto] = await present(viewer, conversation, rows);
  if (!dto) throw notFound();
  return dto;
}

/** One message as the viewer sees it (after an action on it). */
export async function getMessage(viewer: Viewer, conversationId: string, messageId: string): Promise<MessageDto> {
  const { conversation, member } = await requireMember(viewer, conversationId);
  return oneMessage(viewer, conversation, member, messageId);
}

/** Messages already on screen, again (after an edit, recall, reaction, receipt or payment). */
export async function getMessages(viewer: Viewer, input: { conversationId: string; messageIds: string[] }): Promise<MessageDto[]> {
  const { conversation, member } = await requireMember(viewer, input.conversationId);
  return present(viewer, conversation, await chats.messagesByIds(conversation.id, viewer.id, member.joinedSeq, [...new Set(input.messageIds)]));
}

export async function sendMessage(viewer: Viewer, input: SendMessageInput): Promise<MessageDto> {
  const { conversation, member } = await requireMaySend(viewer, input.conversationId);
  const earlier = await earlierSend(viewer, conversation.id, input.clientId);
  if (earlier) return oneMessage(viewer, conversation, member, earlier.id);
  if (input.mediaIds.length > 0) await requireOwnImages(viewer, input.mediaIds, 'chat');
  // Sharing a post the sender cannot see would leak it; each reader's card asks again for them.
  if (input.card) await getPost(viewer, input.card.id);
  if (input.replyToId) {
    const quoted = await chats.findMessage(input.replyToId);
    if (!quoted || quoted.conversationId !== conversation.id || quoted.seq <= member.joinedSeq) throw invalidField('replyToId', 'chat.replyMissing');
  }
  const kind = input.card ? 'CARD' : input.mediaIds.length > 0 ? 'IMAGE' : 'TEXT';
  const { stored } = await storeMessage(viewer, conversation.id, input.clientId, {
    kind,
    body: input.body,
    mediaIds: input.mediaIds,
    payload: input.card ?? {},
    replyToId: input.replyToId ?? null,
  }, { earlierChecked: true });
  return oneMessage(viewer, conversation, member, stored.id);
}

/** Passes a message on to other chats of the viewer, marked as forwarded. */
export async function forwardMessage(viewer: Viewer, input: { messageId: string; conversationIds: string[]; clientId: string }): Promise<{ conversationIds: string[] }> {
  const { message } = await requireReadableMessage(viewer, input.messageId);
  if (!mayForwardMessage(message)) throw new AppError('INVALID', 'chat.cannotForward');
  const targets = [...new Set(input.conversationIds)];
  for (const target of targets) await requireMaySend(viewer, target);
  // Each copy's id names its target, so a retry with other chats ticked stores each copy once.
  for (const target of targets) {
    await storeMessage(viewer, target, `${input.clientId}-${target}`, {
      kind: message.kind,
      body: message.body,
      mediaIds: message.mediaIds,
      payload: (message.payload ?? {}) as object,
      forwarded: true,
    });
  }
  return { conversationIds: targets };
}

// ---- Changing messages --------------------------------------------------------------------

export async function editMessage(viewer: Viewer, input: { messageId: string; body: string }): Promise<MessageDto> {
  const { message, conversation, member } = await requireReadableMessage(viewer, input.messageId);
  if (!mayEditMessage(viewer.id, message, now())) throw new AppError('FORBIDDEN', message.senderId === viewer.id ? 'chat.editWindow' : 'forbidden');
  await chats.editMessage(message.id, input.body, now());
  await announceChange(conversation.id, message.id, 'edited');
  return oneMessage(viewer, conversation, member, message.id);
}

/** Erases the message for everyone, in the database: only the fact that it was recalled stays. */
export async function recallMessage(viewer: Viewer, input: { messageId: string }): Promise<MessageDto> {
  const { message, conversation, member } = await requireReadableMessage(viewer, input.messageId);
  if (!mayRecallMessage(viewer.id, message, now())) throw new AppError('FORBIDDEN', message.senderId === viewer.id ? 'chat.recallWindow' : 'forbidden');
  await chats.recallMessage(message.id, now());
  await announceChange(conversation.id, message.id, 'recalled');
  return oneMessage(viewer, conversation, member, message.id);
}

export async function deleteForMe(viewer: Viewer, input: { messageId: string }): Promise<{ messageId: string }> {
  const { message } = await requireReadableMessage(viewer, input.messageId);
  await chats.hideForMember(viewer.id, message.id);
  return { messageId: message.id };
}

export async function react(viewer: Viewer, input: { messageId: string; emoji: string; on: boolean }): Promise<MessageDto> {
  const { message, conversation, member } = await requireReadableMessage(viewer, input.messageId);
  if (message.recalledAt || message.kind === 'SYSTEM') throw new AppError('INVALID', 'chat.cannotReact');
  await chats.setReaction(message.id, viewer.id, input.emoji, input.on);
  await announceChange(conversation.id, message.id, 'reactions');
  return oneMessage(viewer, conversation, member, message.id);
}

/** Read (or, with `delivered`, received) up to `seq`; the others see the receipt. */
export async function markRead(viewer: Viewer, input: { conversationId: string; seq: number; delivered: boolean }): Promise<{ totalUnread: number }> {
  const { conversation } = await requireMember(viewer, input.conversationId);
  const moved = await chats.markRead(conversation.id, viewer.id, input.seq, input.delivered);
  if (moved) await announceRead(conversation.id, viewer.id, moved, input.delivered);
  return { totalUnread: await chats.totalUnread(viewer.id) };
}

/** Large groups: the server, not the browser, says who is typing (the viewer, a member). */
export async function announceTyping(viewer: Viewer, input: { conversationId: string }): Promise<{ ok: true }> {
  await requireMember(viewer, input.conversationId);
  await announceChange(input.conversationId, viewer.id, 'typing');
  return { ok: true };
}

// ---- Managing groups ----------------------------------------------------------------------

// Packets live a day; look a little further back so none is missed at the edge.
const openRedPacketAgeMs = 25 * 60 * 60 * 1000;

/** Whoever leaves a group can no longer claim its red packets, from the chat or the wallet. */
async function withdrawRedPackets(conversationId: string, departing: string[]): Promise<void> {
  if (departing.length === 0) return;
  const packetIds = await chats.findRedPacketIdsIn(conversationId, new Date(now().getTime() - openRedPacketAgeMs));
  for (const personId of departing) await withdrawRedPacketEligibility(systemViewer, { packetIds, personId });
}

async function requireAdmin(viewer: Viewer, conversationId: string) {
  const found = await requireMember(viewer, conversationId);
  if (!mayManageGroup(found.conversation, found.member)) throw new AppError('FORBIDDEN', 'chat.adminsOnly');
  return found;
}

/** A change to a group with its system message, in one transaction under the group's lock. */
/**
 * A change to a group with its system note, in one transaction; then the announcements. With
 * `departing`, those people are no longer members: they hear of the change on their own
 * channels, and lose the conversation's channels.
 */
async function changeGroup(conversationId: string, change: (tx: Parameters<Parameters<typeof chats.inTransaction>[0]>[0], conversation: chats.ConversationRow) => Promise<SystemEvent | null>, departing: string[] = []) {
  const stored = await chats.inTransaction(async (tx) => {
    const conversation = await chats.lockConversation(tx, conversationId);
    if (!conversation) throw notFound();
    const event = await change(tx, conversation);
    return event ? appendSystem(tx, conversationId, event) : null;
  });
  await withdrawRedPackets(conversationId, departing);
  if (stored) await announceMessage(conversationId, stored, undefined, departing);
  await announceConversation(conversationId, departing);
  if (stored) await revokeChannelsOf(conversationId, departing);
}

export async function renameGroup(viewer: Viewer, input: { conversationId: string; title: string }): Promise<{ ok: true }> {
  await requireAdmin(viewer, input.conversationId);
  await changeGroup(input.conversationId, async (tx) => {
    await chats.updateConversation(tx, input.conversationId, { title: input.title });
    return { event: 'renamed', actorId: viewer.id, title: input.title };
  });
  return { ok: true };
}

export async function setGroupAvatar(viewer: Viewer, input: { conversationId: string; avatarId: string | null }): Promise<{ ok: true }> {
  await requireAdmin(viewer, input.conversationId);
  if (input.avatarId) await requireOwnImages(viewer, [input.avatarId], 'avatar');
  await changeGroup(input.conversationId, async (tx) => {
    await chats.updateConversation(tx, input.conversationId, { avatarId: input.avatarId });
    return { event: 'avatar', actorId: viewer.id };
  });
  return { ok: true };
}

export async function addMembers(viewer: Viewer, input: { conversationId: string; memberIds: string[] }): Promise<{ added: string[] }> {
  await requireAdmin(viewer, input.conversationId);
  const wanted = await requireFriends(viewer, input.memberIds);
  let added: string[] = [];
  await changeGroup(input.conversationId, async (tx, conversation) => {
    if ((await chats.countMembers(conversation.id, tx)) + wanted.length > maxGroupMembers) throw invalidField('memberIds', 'chat.groupTooLarge');
    // They read the group from their joining on, not its earlier history.
    added = await chats.addMembers(tx, conversation.id, wanted, conversation.lastSeq);
    return added.length > 0 ? { event: 'joined', actorId: viewer.id, memberIds: added } : null;
  });
  return { added };
}

export async function removeMember(viewer: Viewer, input: { conversationId: string; memberId: string }): Promise<{ ok: true }> {
  await requireAdmin(viewer, input.conversationId);
  if (input.memberId === viewer.id) throw invalidField('memberId', 'chat.removeSelf');
  await changeGroup(
    input.conversationId,
    async (tx) => ((await chats.removeMember(tx, input.conversationId, input.memberId)) ? { event: 'removed', actorId: viewer.id, memberIds: [input.memberId] } : null),
    [input.memberId],
  );
  return { ok: true };
}

export async function leaveGroup(viewer: Viewer, input: { conversationId: string }): Promise<{ ok: true }> {
  const { conversation } = await requireMember(viewer, input.conversationId);
  if (conversation.kind !== 'GROUP') throw new AppError('INVALID', 'chat.cannotLeaveDirect');
  await changeGroup(
    input.conversationId,
    async (tx) => {
      if (!(await chats.removeMember(tx, input.conversationId, viewer.id))) return null;
      await chats.ensureAdmin(tx, input.conversationId);
      return { event: 'left', actorId: viewer.id };
    },
    [viewer.id],
  );
  return { ok: true };
}

export async function setPreference(viewer: Viewer, input: { conversationId: string; setting: 'muted' | 'pinned' | 'archived'; on: boolean }): Promise<{ ok: true }> {
  await requireMember(viewer, input.conversationId);
  await chats.setPreference(input.conversationId, viewer.id, input.setting, input.on ? now() : null);
  await announceConversation(input.conversationId, [], [viewer.id]);
  return { ok: true };
}

export { requireMaySend };
