'use client';
import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { useHydrated } from '@/components/ui/use-hydrated';
import { likePostAction, postStatsAction } from '@/lib/feed/actions';
import { feedEvents, postChangedSchema, postChannelScope, postPath, type PostDto } from '@/lib/feed/client';
import { channelName, useChannel } from '@/lib/realtime/client';
import { Comments } from './comments';
import { EditPostForm } from './edit-post-form';
import { useFeedReload } from './feed-context';
import { PhotoGrid } from './photo-grid';
import { PostMenu } from './post-menu';
import { PostText } from './post-text';
import { ShareForm } from './share-form';

type Shown = Omit<PostDto, 'shared'>;

function PostHeader({ post, renderedAt, children }: { post: Shown; renderedAt: string; children?: React.ReactNode }) {
  const t = useTranslations('feed');
  const format = useFormatter();
  return (
    <header className="flex items-start gap-3">
      <Link href={`/u/${post.author.handle}`} tabIndex={-1} aria-hidden>
        <Avatar name={post.author.name} handle={post.author.handle} avatarId={post.author.avatarId} size={40} alt="" />
      </Link>
      <div className="min-w-0 flex-1">
        <Link href={`/u/${post.author.handle}`} className="font-semibold hover:underline">
          {post.author.name}
        </Link>
        <p className="flex flex-wrap gap-x-1 text-sm text-fg-muted">
          <Link href={postPath(post.id)} className="hover:underline">
            <time dateTime={post.createdAt}>{format.relativeTime(new Date(post.createdAt), new Date(renderedAt))}</time>
          </Link>
          <span aria-hidden>·</span>
          <span>{t(`audiences.${post.audience}`)}</span>
          {post.locationName && (
            <>
              <span aria-hidden>·</span>
              <span>{post.locationName}</span>
            </>
          )}
          {post.edited && (
            <>
              <span aria-hidden>·</span>
              <span>{t('edited')}</span>
            </>
          )}
        </p>
      </div>
      {children}
    </header>
  );
}

/** The post a share passes on, as the viewer may see it, or a plain note that they may not. */
function SharedOriginal({ original, renderedAt }: { original: Shown | null; renderedAt: string }) {
  const t = useTranslations('feed');
  if (!original) return <p className="rounded-xl border border-line p-3 text-sm text-fg-muted">{t('unavailable')}</p>;
  return (
    <div className="flex flex-col gap-2 rounded-xl border border-line p-3">
      <PostHeader post={original} renderedAt={renderedAt} />
      {original.body && <PostText text={original.body} />}
      <PhotoGrid photos={original.photos} authorName={original.author.name} />
    </div>
  );
}

/**
 * One post with its likes, comments and shares. It listens on the post's own channel: when
 * someone likes or comments, it asks again for the counts as this viewer may see them.
 */
export function PostCard({ post: initial, renderedAt, openComments = false }: { post: PostDto; renderedAt: string; openComments?: boolean }) {
  const t = useTranslations('feed');
  const reloadFeed = useFeedReload();
  const [post, setPost] = useState(initial);
  const [removed, setRemoved] = useState(false);
  const [editing, setEditing] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [shared, setShared] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(openComments);
  const [commentsVersion, setCommentsVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  // The actions below work only once their handlers are attached.
  const hydrated = useHydrated();

  async function refreshStats() {
    const result = await postStatsAction({ postIds: [post.id] });
    if (!result.ok) return;
    const stats = result.data[0];
    if (!stats) setRemoved(true);
    else setPost((current) => ({ ...current, ...stats }));
  }

  const live = useChannel(channelName('private', postChannelScope, post.id), feedEvents.postChanged, postChangedSchema, (change) => {
    void refreshStats();
    if (change.what === 'comments') setCommentsVersion((version) => version + 1);
  }, { onReconnect: () => void refreshStats() });

  function toggleLike() {
    const liked = !post.likedByMe;
    // Shown at once; the answer from the server then sets the true count.
    setPost((current) => ({ ...current, likedByMe: liked, likeCount: current.likeCount + (liked ? 1 : -1) }));
    startTransition(async () => {
      const result = await likePostAction({ postId: post.id, liked });
      if (result.ok) {
        setPost((current) => ({ ...current, ...result.data }));
        setError(null);
      } else {
        setPost((current) => ({ ...current, likedByMe: !liked, likeCount: current.likeCount + (liked ? -1 : 1) }));
        setError(result.message);
      }
    });
  }

  if (removed) {
    return (
      <article className="rounded-2xl bg-surface p-4 text-sm text-fg-muted" aria-label={t('removedPost')}>
        {t('removedPost')}
      </article>
    );
  }

  return (
    <article aria-labelledby={`post-${post.id}-author`} data-live={live} className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4">
      <span id={`post-${post.id}-author`} className="sr-only">
        {t('postBy', { name: post.author.name })}
      </span>
      <PostHeader post={post} renderedAt={renderedAt}>
        <PostMenu postId={post.id} mine={post.mine} onEdit={() => setEditing(true)} onDeleted={() => setRemoved(true)} />
      </PostHeader>
      {post.hidden && <p className="rounded-lg bg-surface-2 p-2 text-sm text-danger">{t('hiddenByModeration')}</p>}
      {editing ? (
        <EditPostForm
          post={post}
          onDone={(saved) => {
            setEditing(false);
            if (saved) setPost((current) => ({ ...current, ...saved, edited: true }));
          }}
        />
      ) : (
        post.body && <PostText text={post.body} />
      )}
      <PhotoGrid photos={post.photos} authorName={post.author.name} />
      {post.shared !== undefined && <SharedOriginal original={post.shared} renderedAt={renderedAt} />}
      <p className="flex gap-4 text-sm text-fg-muted">
        <span data-testid="like-count">{t('likes', { count: post.likeCount })}</span>
        <span data-testid="comment-count">{t('commentCount', { count: post.commentCount })}</span>
        {post.shareCount > 0 && <span>{t('shares', { count: post.shareCount })}</span>}
      </p>
      <div className="grid grid-cols-3 border-t border-line pt-1">
        <button type="button" disabled={!hydrated} aria-pressed={post.likedByMe} onClick={toggleLike} className={`min-h-11 rounded-lg font-medium hover:bg-surface-2 ${post.likedByMe ? 'text-brand' : ''}`}>
          {post.likedByMe ? t('liked') : t('like')}
        </button>
        <button type="button" disabled={!hydrated} aria-expanded={commentsOpen} onClick={() => setCommentsOpen((open) => !open)} className="min-h-11 rounded-lg font-medium hover:bg-surface-2">
          {t('comment')}
        </button>
        {/* A share whose original the viewer may not see has nothing left to pass on. */}
        {post.shared !== null && (
          <button type="button" disabled={!hydrated} aria-expanded={sharing} onClick={() => setSharing((open) => !open)} className="min-h-11 rounded-lg font-medium hover:bg-surface-2">
            {t('share')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {shared && <p role="status" className="text-sm text-fg-muted">{t('sharedDone')}</p>}
      {sharing && (
        <ShareForm
          postId={post.shared?.id ?? post.id}
          onDone={(done) => {
            setSharing(false);
            if (done) {
              setShared(true);
              reloadFeed();
            }
          }}
        />
      )}
      {commentsOpen && <Comments postId={post.id} version={commentsVersion} onChanged={() => void refreshStats()} />}
    </article>
  );
}
