'use client';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { searchMessagesAction } from '@/lib/chat/search-actions';
import { markedParts, maxSearchLength, type SearchResult } from '@/lib/chat/search-text';

export type Searched = { query: string; hits: SearchResult[]; at: string };

/**
 * Message search: the form and its results. Without JavaScript the form is a plain GET to the
 * page, which searches on the server; with it, searching again updates the list in place and
 * the address, so the back button and a shared link show the same results.
 */
export function ChatSearch({ conversationId, initial }: { conversationId: string | null; initial: Searched | null }) {
  const t = useTranslations('chatSearch');
  const [searched, setSearched] = useState(initial);
  const [query, setQuery] = useState(initial?.query ?? '');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, startSearch] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startSearch(async () => {
      const result = await searchMessagesAction({ query, conversationId: conversationId ?? undefined });
      if (!result.ok) return setError({ message: result.message, field: result.fieldErrors.query });
      setError(null);
      const trimmed = query.trim();
      setSearched({ query: trimmed, hits: result.data, at: new Date().toISOString() });
      const params = new URLSearchParams({ q: trimmed, ...(conversationId ? { in: conversationId } : {}) });
      window.history.replaceState(null, '', `/chats/search?${params}`);
    });
  }

  return (
    <>
      <form role="search" action="/chats/search" onSubmit={onSubmit} className="flex items-end gap-2">
        {conversationId && <input type="hidden" name="in" value={conversationId} />}
        <div className="min-w-0 flex-1">
          <TextField label={t('label')} name="q" type="search" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={maxSearchLength} error={error?.field} enterKeyHint="search" />
        </div>
        <Button type="submit" pending={pending} className={error?.field ? 'mb-7' : ''}>
          {t('submit')}
        </Button>
      </form>
      {error && !error.field && <FormMessage message={error.message} />}
      <div aria-live="polite" className="mt-2">
        {pending ? <p className="py-6 text-center text-fg-muted">{t('searching')}</p> : <SearchResults searched={searched} />}
      </div>
    </>
  );
}

function SearchResults({ searched }: { searched: Searched | null }) {
  const t = useTranslations('chatSearch');
  const format = useFormatter();
  if (!searched) return <p className="py-10 text-center text-fg-muted">{t('hint')}</p>;
  if (searched.hits.length === 0) return <p className="py-10 text-center text-fg-muted">{t('empty', { query: searched.query })}</p>;
  return (
    <ul aria-label={t('results', { query: searched.query })} className="divide-y divide-line">
      {searched.hits.map((hit) => {
        const title = hit.conversationTitle || t('untitled');
        const name = hit.sender?.name ?? t('system');
        return (
          <li key={hit.messageId}>
            <Link
              href={`/chats/${hit.conversationId}?at=${hit.seq}`}
              className="flex gap-3 rounded-xl px-1 py-3 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-brand"
            >
              <Avatar name={name} handle={hit.sender?.handle ?? hit.conversationId} avatarId={hit.sender?.avatarId} size={40} alt="" />
              <span className="min-w-0 flex-1">
                <span className="flex items-baseline justify-between gap-2">
                  <span className="truncate font-medium">{name}</span>
                  <time dateTime={hit.createdAt} className="shrink-0 text-xs text-fg-muted">
                    {format.relativeTime(new Date(hit.createdAt), new Date(searched.at))}
                  </time>
                </span>
                <span className="block truncate text-sm text-fg-muted">{title}</span>
                <span className="mt-0.5 line-clamp-2 break-words text-sm">
                  {markedParts(hit.snippet, hit.marks).map((part, index) =>
                    part.marked ? (
                      <mark key={index} className="rounded bg-brand/20 px-0.5 font-semibold text-fg">
                        {part.text}
                      </mark>
                    ) : (
                      <span key={index}>{part.text}</span>
                    ),
                  )}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
