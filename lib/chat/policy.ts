import { editWindowMs, recallWindowMs, type ChatRoleName } from './schemas';

/**
 * Who may do what in a conversation, on top of membership (which every service call checks
 * first: to a non-member a conversation does not exist).
 */

/** Admins manage a group: members, name and picture. One-to-one chats have nothing to manage. */
export function mayManageGroup(conversation: { kind: string }, member: { role: ChatRoleName }): boolean {
  return conversation.kind === 'GROUP' && member.role === 'ADMIN';
}

type OwnMessage = { senderId: string | null; kind: string; recalledAt: Date | null; createdAt: Date };

/** Words only, by their author, within 15 minutes. */
export function mayEditMessage(viewerId: string, message: OwnMessage, at: Date): boolean {
  return message.senderId === viewerId && message.kind === 'TEXT' && !message.recalledAt && at.getTime() - message.createdAt.getTime() <= editWindowMs;
}

/** Within 2 minutes, by the author; money (transfers, red packets) is never recalled. */
export function mayRecallMessage(viewerId: string, message: OwnMessage, at: Date): boolean {
  return (
    message.senderId === viewerId &&
    ['TEXT', 'IMAGE', 'CARD'].includes(message.kind) &&
    !message.recalledAt &&
    at.getTime() - message.createdAt.getTime() <= recallWindowMs
  );
}

/** What can be passed on to another chat: words, photos and cards, not money or system notes. */
export function mayForwardMessage(message: { kind: string; recalledAt: Date | null }): boolean {
  return ['TEXT', 'IMAGE', 'CARD'].includes(message.kind) && !message.recalledAt;
}
