import 'server-only';
import './payments';

/** The chat domain's public API: conversations, messages, and the realtime policy for its channels. */
export { listChats, getTotalUnread, getConversation, listMessages, mayListenOnChatChannel, startDirect, createGroup, sendMessage, requireMember } from './service';
export { sendTransfer, sendRedPacket } from './payments';
export type { ChatSummary, ChatsPage, ConversationDto, HistoryPage, MessageDto, SearchHit } from './schemas';
