'use server';
import { acceptStepUpProof } from '@/lib/pay';
import { action } from '@/lib/core/action';
import { signedInRecently } from '@/lib/core/session';
import { env } from '@/lib/core/env';
import * as payments from './payments';
import {
  chatRedPacketSchema,
  chatTransferSchema,
  conversationRefSchema,
  createGroupSchema,
  editMessageSchema,
  forwardSchema,
  groupAvatarSchema,
  historySchema,
  listChatsSchema,
  memberRefSchema,
  membersSchema,
  messageRefSchema,
  messagesRefSchema,
  emptySchema,
  paymentRefSchema,
  preferenceSchema,
  reactSchema,
  readSchema,
  renameGroupSchema,
  sendMessageSchema,
  startDirectSchema,
} from './schemas';
import * as chat from './service';

// Sending is limited per person per minute, generously: people type fast in a lively group.
const sendLimit = () => ({ name: 'chat-sends', limit: env().RATE_LIMIT_SOCIAL_PER_HOUR * 10, windowSeconds: 60 * 60 });
const typingLimit = () => ({ name: 'chat-typing', limit: 60, windowSeconds: 60 });
const payLimit = () => ({ name: 'pay-actions', limit: 120, windowSeconds: 15 * 60 });

export const startDirectAction = action(startDirectSchema, (input, { viewer }) => chat.startDirect(viewer, input));
export const createGroupAction = action(createGroupSchema, (input, { viewer }) => chat.createGroup(viewer, input), { rateLimit: sendLimit });
export const listChatsAction = action(listChatsSchema, (input, { viewer }) => chat.listChats(viewer, input));
export const refreshMessagesAction = action(messagesRefSchema, (input, { viewer }) => chat.getMessages(viewer, input));
export const totalUnreadAction = action(emptySchema, async (_input, { viewer }) => ({ totalUnread: await chat.getTotalUnread(viewer) }));
export const loadMessagesAction = action(historySchema, (input, { viewer }) => chat.listMessages(viewer, input));
export const sendMessageAction = action(sendMessageSchema, (input, { viewer }) => chat.sendMessage(viewer, input), { rateLimit: sendLimit });
export const forwardMessageAction = action(forwardSchema, (input, { viewer }) => chat.forwardMessage(viewer, input), { rateLimit: sendLimit });
export const editMessageAction = action(editMessageSchema, (input, { viewer }) => chat.editMessage(viewer, input));
export const recallMessageAction = action(messageRefSchema, (input, { viewer }) => chat.recallMessage(viewer, input));
export const deleteForMeAction = action(messageRefSchema, (input, { viewer }) => chat.deleteForMe(viewer, input));
export const reactAction = action(reactSchema, (input, { viewer }) => chat.react(viewer, input));
export const markReadAction = action(readSchema, (input, { viewer }) => chat.markRead(viewer, input));
export const typingAction = action(conversationRefSchema, (input, { viewer }) => chat.announceTyping(viewer, input), { rateLimit: typingLimit });
export const renameGroupAction = action(renameGroupSchema, (input, { viewer }) => chat.renameGroup(viewer, input));
export const setGroupAvatarAction = action(groupAvatarSchema, (input, { viewer }) => chat.setGroupAvatar(viewer, input));
export const addMembersAction = action(membersSchema, (input, { viewer }) => chat.addMembers(viewer, input));
export const removeMemberAction = action(memberRefSchema, (input, { viewer }) => chat.removeMember(viewer, input));
export const leaveGroupAction = action(conversationRefSchema, (input, { viewer }) => chat.leaveGroup(viewer, input));
export const setPreferenceAction = action(preferenceSchema, (input, { viewer }) => chat.setPreference(viewer, input));

export const sendTransferAction = action(
  chatTransferSchema,
  async (input, { viewer }) => {
    await acceptStepUpProof(viewer, input.password, { signedInRecently: await signedInRecently() });
    return payments.sendTransfer(viewer, input);
  },
  { rateLimit: payLimit },
);

export const sendRedPacketAction = action(
  chatRedPacketSchema,
  async (input, { viewer }) => {
    await acceptStepUpProof(viewer, input.password, { signedInRecently: await signedInRecently() });
    return payments.sendRedPacket(viewer, input);
  },
  { rateLimit: payLimit },
);

export const acceptTransferAction = action(paymentRefSchema, (input, { viewer }) => payments.acceptTransferMessage(viewer, input));
export const claimRedPacketAction = action(paymentRefSchema, (input, { viewer }) => payments.claimRedPacketMessage(viewer, input));
