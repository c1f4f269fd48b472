import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { listChats } from '@/lib/chat';
import { requireViewer } from '@/lib/core/session';
import { ChatsList } from './chats-list';

/** The chats list page, for the main list and the archived one. */
export async function ChatsPageBody({ archived, title }: { archived: boolean; title: string }) {
  const viewer = await requireViewer();
  const t = await getTranslations('chat');
  const page = await listChats(viewer, { archived });
  return (
    <>
      <PageHeader title={title}>
        <nav className="flex items-center gap-1" aria-label={t('chatTools')}>
          <Link href="/chats/search" className="rounded-full px-3 py-2 text-sm font-medium text-brand hover:bg-surface-2">
            {t('search')}
          </Link>
          {!archived && (
            <Link href="/chats/new" className="rounded-full bg-brand px-3 py-2 text-sm font-semibold text-on-brand">
              {t('newChat')}
            </Link>
          )}
        </nav>
      </PageHeader>
      <div className="mx-auto max-w-2xl">
        <ChatsList initial={page} archived={archived} renderedAt={new Date().toISOString()} />
        <p className="px-4 py-4 text-center">
          <Link href={archived ? '/chats' : '/chats/archived'} className="text-sm text-brand underline">
            {archived ? t('backToChats') : t('archivedChats')}
          </Link>
        </p>
      </div>
    </>
  );
}
