/** What browser code may import from chat: event schemas, limits and types. */
export {
  chatEvents,
  chatChannelScope,
  messageEventSchema,
  changedEventSchema,
  readEventSchema,
  conversationEventSchema,
  typingEventSchema,
  activityEventSchema,
} from './events';
export { chatsPageMax, chatsPageSize, maxMessageLength, maxGroupMembers, maxGroupTitle, maxPhotosPerMessage, reactionEmojis, editWindowMs, recallWindowMs, presenceMemberLimit } from './schemas';
export type { ChatSummary, ChatsPage, ConversationDto, HistoryPage, MessageDto, PaymentCard, SystemEvent, SearchHit, ChatPerson } from './schemas';
