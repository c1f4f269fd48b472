import { ChatSearchView, type ChatSearchParams } from '@/components/chat/search-view';
import { translatedTitle } from '@/components/ui/translated-title';

export const generateMetadata = translatedTitle('chatSearch', 'title');

export default async function ChatSearchPage({ searchParams }: { searchParams: Promise<ChatSearchParams> }) {
  return <ChatSearchView params={await searchParams} />;
}
