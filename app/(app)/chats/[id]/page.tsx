import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConversationView } from '@/components/chat/conversation-view';
import { getFriendsStatus } from '@/lib/account';
import { listMessages } from '@/lib/chat';
import { uploadLimits } from '@/lib/media';
import { loadConversation } from './load';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ at?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conversation } = await loadConversation((await params).id);
  const t = await getTranslations('chat');
  return { title: conversation.title || t('untitledGroup', { count: conversation.memberCount }) };
}

/** One conversation, opening at the first unread message (or at `?at=<seq>` from search). */
export default async function ConversationPage({ params, searchParams }: Props) {
  const { viewer, conversation } = await loadConversation((await params).id);
  const at = Number((await searchParams).at);
  const around = Number.isInteger(at) && at > 0 ? at : undefined;
  const [first, statuses] = await Promise.all([
    listMessages(viewer, { conversationId: conversation.id, around }),
    conversation.other ? getFriendsStatus(viewer, [conversation.other.id]) : Promise.resolve(new Map()),
  ]);
  return (
    <ConversationView
      key={`${conversation.id}:${around ?? ''}`}
      conversation={conversation}
      first={first}
      viewerId={viewer.id}
      highlightSeq={around ?? null}
      otherStatus={conversation.other ? (statuses.get(conversation.other.id) ?? null) : null}
      maxBytes={uploadLimits().maxBytes}
    />
  );
}
