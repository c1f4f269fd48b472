import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cursorFromParams, MoreFriendsLink } from '@/components/account/more-friends-link';
import { PersonRow } from '@/components/account/person-row';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { handleSchema, listFriends } from '@/lib/account';
import { AppError } from '@/lib/core/errors';
import { requireViewer } from '@/lib/core/session';

export const generateMetadata = translatedTitle('people', 'tabs.friends');

export default async function FriendsOfPage({ params, searchParams }: { params: Promise<{ handle: string }>; searchParams: Promise<{ afterName?: string; afterId?: string }> }) {
  const handle = handleSchema.safeParse(decodeURIComponent((await params).handle));
  if (!handle.success) notFound();
  const t = await getTranslations('people');
  const friends = await listFriends(await requireViewer(), { handle: handle.data, after: cursorFromParams(await searchParams) }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={t('friendsOf', { handle: handle.data })} />
      <div className="mx-auto max-w-2xl px-4">
        {!friends.visible ? (
          <p className="py-10 text-center text-fg-muted">{t('friendsHidden')}</p>
        ) : friends.people.length === 0 ? (
          <p className="py-10 text-center text-fg-muted">{t('noFriendsYet')}</p>
        ) : (
          <ul className="divide-y divide-line">
            {friends.people.map((person) => (
              <PersonRow key={person.id} person={person} />
            ))}
          </ul>
        )}
        <MoreFriendsLink basePath={`/u/${handle.data}/friends`} next={friends.next} />
      </div>
    </>
  );
}
