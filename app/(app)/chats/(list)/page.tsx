import { getTranslations } from 'next-intl/server';
import { ChatsPageBody } from '@/components/chat/chats-page-body';
import { translatedTitle } from '@/components/ui/translated-title';

export const generateMetadata = translatedTitle('chat', 'title');

/** Chats: every conversation, pinned first, then by last activity. */
export default async function ChatsPage() {
  const t = await getTranslations('chat');
  return <ChatsPageBody archived={false} title={t('title')} />;
}
