import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cursorFromParams, MoreFriendsLink, type FriendsCursor } from '@/components/account/more-friends-link';
import { PersonRow } from '@/components/account/person-row';
import { ActionButton } from '@/components/ui/action-button';
import { PageHeader } from '@/components/ui/page-header';
import { getFriendsStatus, listBlocked, listFriendRequests, listFriends, peopleYouMayKnow, searchPeople } from '@/lib/account';
import { acceptFriendRequestAction, cancelFriendRequestAction, declineFriendRequestAction, sendFriendRequestAction, unblockAction } from '@/lib/account/graph-actions';
import { searchSchema } from '@/lib/account/graph-schemas';
import { requireViewer } from '@/lib/core/session';

const tabs = ['friends', 'requests', 'find', 'blocked'] as const;
type Tab = (typeof tabs)[number];

export type Search = { tab?: string; q?: string; afterName?: string; afterId?: string };

/** /me/contacts: friends with search, requests in and out, finding people, the blocked list. */
export async function ContactsView({ params }: { params: Search }) {
  const viewer = await requireViewer();
  const tab: Tab = tabs.includes(params.tab as Tab) ? (params.tab as Tab) : 'friends';
  const query = typeof params.q === 'string' ? params.q.slice(0, 60) : '';
  const t = await getTranslations('people');
  const requests = await listFriendRequests(viewer);

  return (
    <>
      <PageHeader title={t('contacts')} />
      <nav aria-label={t('contacts')} className="mx-auto flex max-w-2xl gap-1 overflow-x-auto px-4 pt-3">
        {tabs.map((name) => (
          <Link
            key={name}
            href={`/me/contacts?tab=${name}`}
            aria-current={tab === name ? 'page' : undefined}
            className="whitespace-nowrap rounded-full px-4 py-2 text-sm font-medium text-fg-muted hover:bg-surface-2 aria-[current=page]:bg-brand aria-[current=page]:text-on-brand"
          >
            {t(`tabs.${name}`)}
            {name === 'requests' && requests.incoming.length > 0 ? ` (${requests.incoming.length})` : ''}
          </Link>
        ))}
      </nav>
      <div className="mx-auto max-w-2xl px-4 py-4">
        {tab === 'friends' && <FriendsTab viewerHandle={viewer.handle} query={query} after={cursorFromParams(params)} />}
        {tab === 'requests' && <RequestsTab requests={requests} />}
        {tab === 'find' && <FindTab query={query} />}
        {tab === 'blocked' && <BlockedTab />}
      </div>
    </>
  );
}

async function SearchForm({ tab, query, label }: { tab: Tab; query: string; label: string }) {
  const t = await getTranslations('people');
  return (
    <form role="search" className="mb-4 flex gap-2" action="/me/contacts">
      <input type="hidden" name="tab" value={tab} />
      <label className="sr-only" htmlFor={`search-${tab}`}>
        {label}
      </label>
      <input
        id={`search-${tab}`}
        name="q"
        type="search"
        defaultValue={query}
        maxLength={60}
        placeholder={label}
        className="min-h-11 flex-1 rounded-xl border border-line bg-surface px-3 text-base focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30"
      />
      <button type="submit" className="min-h-11 rounded-xl bg-surface-2 px-4 font-medium hover:bg-surface-3">
        {t('search')}
      </button>
    </form>
  );
}

async function FriendsTab({ viewerHandle, query, after }: { viewerHandle: string; query: string; after?: FriendsCursor }) {
  const viewer = await requireViewer();
  const t = await getTranslations('people');
  const [friends, suggestions] = await Promise.all([listFriends(viewer, { handle: viewerHandle, query, after }), query || after ? Promise.resolve([]) : peopleYouMayKnow(viewer, 5)]);
  const statuses = await getFriendsStatus(viewer, friends.people.map((person) => person.id));
  return (
    <>
      <SearchForm tab="friends" query={query} label={t('searchFriends')} />
      {friends.people.length === 0 ? (
        <p className="py-6 text-center text-fg-muted">{query ? t('noFriendsMatch', { query }) : t('noFriendsYetFind')}</p>
      ) : (
        <ul aria-label={t('tabs.friends')} className="divide-y divide-line">
          {friends.people.map((person) => (
            <PersonRow key={person.id} person={person} status={statuses.get(person.id)} />
          ))}
        </ul>
      )}
      <MoreFriendsLink basePath="/me/contacts" next={friends.next} extra={{ tab: 'friends', ...(query ? { q: query } : {}) }} />
      {suggestions.length > 0 && (
        <section className="mt-8">
          <h2 className="mb-2 font-semibold">{t('mayKnow')}</h2>
          <ul className="divide-y divide-line">
            {suggestions.map((person) => (
              <PersonRow key={person.id} person={person} detail={t('mutualFriends', { count: person.mutual })}>
                <ActionButton action={sendFriendRequestAction} input={{ handle: person.handle }} variant="primary">
                  {t('addFriend')}
                </ActionButton>
              </PersonRow>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

async function RequestsTab({ requests }: { requests: Awaited<ReturnType<typeof listFriendRequests>> }) {
  const t = await getTranslations('people');
  return (
    <>
      <section>
        <h2 className="mb-2 font-semibold">{t('incoming')}</h2>
        {requests.incoming.length === 0 ? (
          <p className="py-4 text-fg-muted">{t('noIncoming')}</p>
        ) : (
          <ul aria-label={t('incoming')} className="divide-y divide-line">
            {requests.incoming.map((request) => (
              <PersonRow key={request.id} person={request.person}>
                <ActionButton action={acceptFriendRequestAction} input={{ requestId: request.id }} variant="primary">
                  {t('accept')}
                </ActionButton>
                <ActionButton action={declineFriendRequestAction} input={{ requestId: request.id }}>
                  {t('decline')}
                </ActionButton>
              </PersonRow>
            ))}
          </ul>
        )}
      </section>
      <section className="mt-8">
        <h2 className="mb-2 font-semibold">{t('outgoing')}</h2>
        {requests.outgoing.length === 0 ? (
          <p className="py-4 text-fg-muted">{t('noOutgoing')}</p>
        ) : (
          <ul aria-label={t('outgoing')} className="divide-y divide-line">
            {requests.outgoing.map((request) => (
              <PersonRow key={request.id} person={request.person}>
                <ActionButton action={cancelFriendRequestAction} input={{ requestId: request.id }}>
                  {t('cancelRequest')}
                </ActionButton>
              </PersonRow>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

async function FindTab({ query }: { query: string }) {
  const viewer = await requireViewer();
  const t = await getTranslations('people');
  const parsed = searchSchema.safeParse({ query });
  const results = parsed.success ? await searchPeople(viewer, parsed.data.query) : [];
  return (
    <>
      <SearchForm tab="find" query={query} label={t('findPeople')} />
      {parsed.success && results.length === 0 && <p className="py-6 text-center text-fg-muted">{t('noResults', { query })}</p>}
      {!parsed.success && <p className="py-6 text-center text-fg-muted">{t('findHint')}</p>}
      {results.length > 0 && (
        <ul aria-label={t('searchResults')} className="divide-y divide-line">
          {results.map((person) => (
            <PersonRow key={person.id} person={person} />
          ))}
        </ul>
      )}
    </>
  );
}

async function BlockedTab() {
  const viewer = await requireViewer();
  const t = await getTranslations('people');
  const blocked = await listBlocked(viewer);
  if (blocked.length === 0) return <p className="py-6 text-center text-fg-muted">{t('noBlocked')}</p>;
  return (
    <ul aria-label={t('tabs.blocked')} className="divide-y divide-line">
      {blocked.map((person) => (
        <PersonRow key={person.id} person={person}>
          <ActionButton action={unblockAction} input={{ handle: person.handle }}>
            {t('unblock')}
          </ActionButton>
        </PersonRow>
      ))}
    </ul>
  );
}
