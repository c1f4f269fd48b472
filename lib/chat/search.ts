import 'server-only';
import type { z } from 'zod';
import { notFound } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { findMemberConversationNaming, headlineStart, headlineStop, searchMessageRows, type ConversationNaming } from './db-search';
import type { searchSchema } from './schemas';
import { snippetOf, type SearchResult } from './search-text';

export type SearchInput = z.output<typeof searchSchema>;

const hitsShown = 50;

function titleOf(conversation: ConversationNaming): string {
  if (conversation.conversationKind === 'DIRECT') return conversation.otherName ?? '';
  return conversation.conversationTitle || (conversation.memberNames ?? '');
}

/**
 * One conversation as the viewer names it, to say where a search looks. Someone who is not a
 * member learns nothing, not even that it exists.
 */
export async function getSearchScope(viewer: Viewer, conversationId: string): Promise<{ id: string; title: string }> {
  const conversation = await findMemberConversationNaming(viewer.id, conversationId);
  if (!conversation) throw notFound();
  return { id: conversationId, title: titleOf(conversation) };
}

/**
 * Messages the viewer may read that match the query, across their conversations or within one:
 * best word matches first, then newest. Each hit carries a snippet around the match.
 */
export async function searchMessages(viewer: Viewer, input: SearchInput): Promise<SearchResult[]> {
  if (input.conversationId) await getSearchScope(viewer, input.conversationId);
  const rows = await searchMessageRows(viewer.id, input.query, { conversationId: input.conversationId, limit: hitsShown });
  return rows.map((row) => ({
    conversationId: row.conversationId,
    conversationTitle: titleOf(row),
    messageId: row.id,
    seq: row.seq,
    sender: row.senderId && row.senderHandle && row.senderName !== null ? { id: row.senderId, handle: row.senderHandle, name: row.senderName, avatarId: row.senderAvatarId } : null,
    createdAt: row.createdAt.toISOString(),
    ...snippetOf(row.body, input.query, row.headline, { start: headlineStart, stop: headlineStop }),
  }));
}
