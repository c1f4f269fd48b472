'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { loadTimelineAction } from '@/lib/feed/actions';
import { feedEvents, postCreatedSchema, type TimelinePage, type TimelineRef } from '@/lib/feed/client';
import { useOwnChannel } from '@/lib/realtime/client';
import { FeedContext } from './feed-context';
import { PostCard } from './post-card';

/**
 * A timeline, newest first: more posts load as the end comes into view (or with the button,
 * for keyboards and screen readers). On the home timeline, posts that arrive live are counted
 * in a "N new posts" button rather than pushed in under the reader's thumb.
 */
export function Timeline({ timeline, initial, renderedAt: firstRenderedAt, empty, children }: { timeline: TimelineRef; initial: TimelinePage; renderedAt: string; empty: string; children?: React.ReactNode }) {
  const t = useTranslations('feed');
  const [items, setItems] = useState(initial.items);
  const [next, setNext] = useState(initial.next);
  const [renderedAt, setRenderedAt] = useState(firstRenderedAt);
  const [arrived, setArrived] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const sentinel = useRef<HTMLDivElement>(null);
  const shownIds = useMemo(() => new Set(items.map((item) => item.id)), [items]);
  const fresh = arrived.filter((id) => !shownIds.has(id));

  useOwnChannel(feedEvents.postCreated, postCreatedSchema, (event) => {
    if (timeline.kind === 'home') setArrived((ids) => (ids.includes(event.postId) ? ids : [...ids, event.postId]));
  });

  const reload = useCallback(() => {
    startLoading(async () => {
      const result = await loadTimelineAction({ timeline });
      if (!result.ok) return setError(result.message);
      setItems(result.data.items);
      setNext(result.data.next);
      setArrived([]);
      setRenderedAt(new Date().toISOString());
      setError(null);
    });
  }, [timeline]);

  const loadMore = useCallback(() => {
    if (!next || loading) return;
    startLoading(async () => {
      const result = await loadTimelineAction({ timeline, cursor: next });
      if (!result.ok) return setError(result.message);
      setItems((current) => [...current, ...result.data.items.filter((item) => !current.some((shown) => shown.id === item.id))]);
      setNext(result.data.next);
      setError(null);
    });
  }, [next, loading, timeline]);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !next) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    }, { rootMargin: '600px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [next, loadMore]);

  const context = useMemo(() => ({ reload }), [reload]);

  return (
    <FeedContext.Provider value={context}>
      {children}
      {fresh.length > 0 && (
        <div className="sticky top-2 z-20 flex justify-center">
          <button
            type="button"
            onClick={() => {
              reload();
              window.scrollTo({ top: 0, behavior: 'smooth' });
            }}
            className="min-h-11 rounded-full bg-brand px-5 font-medium text-on-brand shadow-lg"
          >
            {t('newPosts', { count: fresh.length })}
          </button>
        </div>
      )}
      {items.length === 0 && !loading ? (
        <p className="py-16 text-center text-fg-muted">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t('posts')} aria-busy={loading}>
          {items.map((post) => (
            // Keyed by render too: after a reload each card starts from the fresh copy.
            <li key={`${post.id}-${renderedAt}`}>
              <PostCard post={post} renderedAt={renderedAt} />
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="py-2 text-center text-sm text-danger">
          {error}
        </p>
      )}
      <div ref={sentinel} className="flex justify-center py-4">
        {next ? (
          <button type="button" onClick={loadMore} disabled={loading} className="min-h-11 rounded-xl bg-surface-2 px-4 font-medium hover:bg-surface-3">
            {loading ? t('loadingMore') : t('loadMore')}
          </button>
        ) : (
          items.length > 0 && <p className="text-sm text-fg-muted">{t('end')}</p>
        )}
      </div>
    </FeedContext.Provider>
  );
}
