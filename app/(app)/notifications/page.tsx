import { getFormatter, getTranslations } from 'next-intl/server';
import { LiveNotifications } from '@/components/notify/live-notifications';
import { MarkNotificationsRead } from '@/components/notify/mark-read';
import { translatedTitle } from '@/components/ui/translated-title';
import { PersonRow } from '@/components/account/person-row';
import { PageHeader } from '@/components/ui/page-header';
import { getPeopleSummaries } from '@/lib/account';
import { requireViewer } from '@/lib/core/session';
import { visiblePostIds } from '@/lib/feed';
import { postPath } from '@/lib/feed/client';
import { listMyNotifications } from '@/lib/notify';
import Link from 'next/link';

export const generateMetadata = translatedTitle('notify', 'title');

export default async function NotificationsPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('notify');
  const format = await getFormatter();
  const { items } = await listMyNotifications(viewer);
  // Names come from the account domain; a notification from someone now blocked is not shown.
  const people = await getPeopleSummaries(viewer, items.flatMap((item) => (item.actorId ? [item.actorId] : [])));
  // A post the reader may no longer see (audience narrowed, deleted, hidden) takes its notifications with it.
  const posts = await visiblePostIds(viewer, items.flatMap((item) => (item.data.postId ? [item.data.postId] : [])));
  const visible = items.filter((item) => (!item.actorId || people.has(item.actorId)) && (!item.data.postId || posts.has(item.data.postId)));
  // Hidden ones are marked read too, or the badge would count what the reader cannot see.
  const unreadIds = items.filter((item) => !item.read).map((item) => item.id);
  return (
    <>
      <LiveNotifications />
      <PageHeader title={t('title')}>{unreadIds.length > 0 && <MarkNotificationsRead ids={unreadIds} />}</PageHeader>
      <div className="mx-auto max-w-2xl px-4">
        {visible.length === 0 ? (
          <p className="py-16 text-center text-fg-muted">{t('empty')}</p>
        ) : (
          <ul aria-label={t('title')} className="divide-y divide-line">
            {visible.map((item) => {
              const actor = item.actorId ? people.get(item.actorId)! : null;
              const when = format.relativeTime(item.createdAt);
              // Money notifications carry minor units and a currency; show them as money.
              const amount = item.data.amount && item.data.currency ? format.number(Number(item.data.amount) / 100, { style: 'currency', currency: item.data.currency }) : '';
              const text = `${t(`kinds.${item.kind}`, { amount })} · ${when}`;
              const unread = !item.read && <span className="size-2.5 shrink-0 rounded-full bg-brand" role="img" aria-label={t('unread')} />;
              return actor ? (
                <PersonRow key={item.id} person={actor} detail={text}>
                  {item.data.postId && (
                    <Link href={postPath(item.data.postId)} className="rounded-lg bg-surface-2 px-3 py-2 text-sm font-medium hover:bg-surface-3">
                      {t('viewPost')}
                    </Link>
                  )}
                  {unread}
                </PersonRow>
              ) : (
                <li key={item.id} className="flex items-center gap-3 py-3">
                  <span className="min-w-0 flex-1">{text}</span>
                  {unread}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </>
  );
}
