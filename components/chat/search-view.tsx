import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { searchSchema } from '@/lib/chat/schemas';
import { getSearchScope, searchMessages } from '@/lib/chat/search';
import { now } from '@/lib/core/clock';
import { orNotFound } from '@/lib/core/page-guards';
import { requireViewer } from '@/lib/core/session';
import { ChatSearch } from './search-results';

export type ChatSearchParams = { q?: string | string[]; in?: string | string[] };

/** /chats/search?q=…[&in=<conversation>]: messages across all chats, or within one. */
export async function ChatSearchView({ params }: { params: ChatSearchParams }) {
  const viewer = await requireViewer();
  const t = await getTranslations('chatSearch');
  const conversationId = typeof params.in === 'string' && params.in ? params.in : null;
  // A chat the reader is not in looks exactly like one that does not exist.
  const scope = conversationId ? await orNotFound(getSearchScope(viewer, conversationId)) : null;
  const parsed = searchSchema.safeParse({ query: typeof params.q === 'string' ? params.q : '', conversationId: scope?.id });
  const initial = parsed.success ? { query: parsed.data.query, hits: await searchMessages(viewer, parsed.data), at: now().toISOString() } : null;
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-2xl flex-col gap-3 px-4 py-4">
        {scope && (
          <p className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-surface-2 px-3 py-2 text-sm">
            <span className="min-w-0 truncate font-medium">{t('in', { title: scope.title || t('untitled') })}</span>
            <Link href={initial ? `/chats/search?${new URLSearchParams({ q: initial.query })}` : '/chats/search'} className="font-medium text-brand underline-offset-2 hover:underline">
              {t('searchAll')}
            </Link>
          </p>
        )}
        <ChatSearch key={`${scope?.id ?? ''}:${initial?.query ?? ''}`} conversationId={scope?.id ?? null} initial={initial} />
      </div>
    </>
  );
}
