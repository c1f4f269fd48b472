import { getTranslations } from 'next-intl/server';
import { ChatsPageBody } from '@/components/chat/chats-page-body';
import { translatedTitle } from '@/components/ui/translated-title';

export const generateMetadata = translatedTitle('chat', 'archivedChats');

export default async function ArchivedChatsPage() {
  const t = await getTranslations('chat');
  return <ChatsPageBody archived title={t('archivedChats')} />;
}
