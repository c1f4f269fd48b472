import { getTranslations } from 'next-intl/server';
import { NewChatForm } from '@/components/chat/new-chat-form';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { listFriends } from '@/lib/account';
import { requireViewer } from '@/lib/core/session';

export const generateMetadata = translatedTitle('chat', 'newChat');

export default async function NewChatPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('chat');
  const friends = await listFriends(viewer, { handle: viewer.handle });
  return (
    <>
      <PageHeader title={t('newChat')} />
      <div className="mx-auto max-w-xl px-4 py-4">
        <NewChatForm friends={friends.people} />
      </div>
    </>
  );
}
