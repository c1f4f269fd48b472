import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Keyset pagination for friends lists: the next page starts after the last name shown. */
export type FriendsCursor = { name: string; id: string };

export function cursorFromParams(params: { afterName?: string; afterId?: string }): FriendsCursor | undefined {
  return params.afterName && params.afterId ? { name: params.afterName.slice(0, 60), id: params.afterId.slice(0, 40) } : undefined;
}

export async function MoreFriendsLink({ basePath, next, extra = {} }: { basePath: string; next: FriendsCursor | null; extra?: Record<string, string> }) {
  if (!next) return null;
  const t = await getTranslations('people');
  const query = new URLSearchParams({ ...extra, afterName: next.name, afterId: next.id });
  return (
    <Link href={`${basePath}?${query}`} className="mt-4 flex min-h-11 items-center justify-center rounded-xl bg-surface-2 font-medium hover:bg-surface-3">
      {t('moreFriends')}
    </Link>
  );
}
