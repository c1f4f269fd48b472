import Link from 'next/link';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChatPreferences, GroupSettings } from '@/components/chat/chat-settings';
import { PageHeader } from '@/components/ui/page-header';
import { listFriends } from '@/lib/account';
import { uploadLimits } from '@/lib/media';
import { loadConversation } from '../load';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('chat');
  return { title: t('chatInfo') };
}

/** A chat's details: your settings for it; for groups, the name and members. */
export default async function ChatInfoPage({ params }: Props) {
  const { viewer, conversation } = await loadConversation((await params).id);
  const t = await getTranslations('chat');
  const friends = conversation.kind === 'GROUP' && conversation.myRole === 'ADMIN' ? (await listFriends(viewer, { handle: viewer.handle })).people : [];
  return (
    <>
      <PageHeader title={t('chatInfo')}>
        <Link href={`/chats/${conversation.id}`} className="text-sm text-brand underline">
          {t('backToChat')}
        </Link>
      </PageHeader>
      <div className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-4">
        <p className="text-lg font-semibold">{conversation.title || t('untitledGroup', { count: conversation.memberCount })}</p>
        <ChatPreferences conversation={conversation} />
        {conversation.kind === 'GROUP' && <GroupSettings conversation={conversation} friends={friends} viewerId={viewer.id} maxBytes={uploadLimits().maxBytes} />}
      </div>
    </>
  );
}
