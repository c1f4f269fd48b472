import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RelationActions } from '@/components/account/relation-actions';
import { MessageButton } from '@/components/chat/message-button';
import { Timeline } from '@/components/feed/timeline';
import { listProfileTimeline } from '@/lib/feed';
import { Avatar } from '@/components/ui/avatar';
import { getFriendsStatus, getProfile, handleSchema } from '@/lib/account';
import { PresenceLine } from '@/components/account/presence-status';
import { AppError } from '@/lib/core/errors';
import { imageUrl } from '@/lib/media/client';
import { requireViewer } from '@/lib/core/session';

type Props = { params: Promise<{ handle: string }> };

/** Loads the profile, answering "not found" alike for absent people and people who blocked the viewer. */
async function loadProfile(rawHandle: string) {
  const handle = handleSchema.safeParse(decodeURIComponent(rawHandle));
  if (!handle.success) notFound();
  try {
    return await getProfile(await requireViewer(), handle.data);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadProfile((await params).handle);
  return { title: `${profile.name} (@${profile.handle})` };
}

export default async function ProfilePage({ params }: Props) {
  const profile = await loadProfile((await params).handle);
  // Online status is for friends only (the service leaves everyone else out).
  const status = profile.relation.friend ? (await getFriendsStatus(await requireViewer(), [profile.id])).get(profile.id) : undefined;
  const t = await getTranslations('people');
  const feedText = await getTranslations('feed');
  // Across a block there is nothing to show (and the feed treats the person as absent).
  const posts = profile.relation.blockedByMe ? { items: [], next: null } : await listProfileTimeline(await requireViewer(), { handle: profile.handle });
  const stats = [
    { label: t('friendsCount'), value: profile.counts.friends, href: profile.friendsVisible ? `/u/${profile.handle}/friends` : null },
    { label: t('followersCount'), value: profile.counts.followers, href: null },
    { label: t('followingCount'), value: profile.counts.following, href: null },
  ];
  return (
    <article className="mx-auto max-w-2xl">
      <div className="h-36 bg-gradient-to-br from-brand/40 to-brand/10 sm:h-48">
        {profile.coverId && (
          // eslint-disable-next-line @next/next/no-img-element -- our own re-encoded WebP variant, already sized
          <img src={imageUrl(profile.coverId, 'lg')} alt="" className="h-full w-full object-cover" />
        )}
      </div>
      <div className="-mt-10 flex flex-col gap-4 px-4">
        <div className="flex items-end justify-between gap-3">
          <div className="rounded-full ring-4 ring-surface">
            <Avatar name={profile.name} handle={profile.handle} avatarId={profile.avatarId} size={80} alt="" />
          </div>
          {profile.relation.self && (
            <Link href="/me" className="rounded-xl bg-surface-2 px-4 py-2 font-medium hover:bg-surface-3">
              {t('editProfile')}
            </Link>
          )}
        </div>
        <div>
          <h1 className="text-2xl font-semibold">{profile.name}</h1>
          <p className="text-fg-muted">
            @{profile.handle}
            {profile.relation.followsYou && <span className="ml-2 rounded bg-surface-2 px-1.5 py-0.5 text-xs">{t('followsYou')}</span>}
          </p>
          {status && <PresenceLine initial={status} />}
          {profile.bio && <p className="mt-2 whitespace-pre-line break-words">{profile.bio}</p>}
          {profile.location && <p className="mt-1 text-sm text-fg-muted">{t('livesIn', { location: profile.location })}</p>}
        </div>
        <dl className="flex gap-6">
          {stats.map((stat) => (
            <div key={stat.label} className="flex flex-col-reverse">
              <dt className="text-sm text-fg-muted">{stat.label}</dt>
              <dd className="text-lg font-semibold">
                {stat.value === null ? '—' : stat.href ? <Link href={stat.href} className="underline-offset-2 hover:underline">{stat.value}</Link> : stat.value}
              </dd>
            </div>
          ))}
        </dl>
        {profile.relation.friend && <p className="text-sm font-medium text-brand">{t('youAreFriends')}</p>}
        {profile.relation.friend && !profile.relation.blockedByMe && <MessageButton personId={profile.id} />}
        {!profile.relation.self && <RelationActions handle={profile.handle} relation={profile.relation} />}
      </div>
      <section aria-label={feedText('postsOf', { name: profile.name })} className="mt-6 flex flex-col gap-3 px-2 pb-6 sm:px-4">
        <h2 className="px-2 text-lg font-semibold">{feedText('posts')}</h2>
        <Timeline timeline={{ kind: 'profile', handle: profile.handle }} initial={posts} renderedAt={new Date().toISOString()} empty={feedText('emptyProfile')} />
      </section>
    </article>
  );
}
