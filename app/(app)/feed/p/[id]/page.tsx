import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PostCard } from '@/components/feed/post-card';
import { PageHeader } from '@/components/ui/page-header';
import { AppError } from '@/lib/core/errors';
import { requireViewer } from '@/lib/core/session';
import { getPost } from '@/lib/feed';

type Props = { params: Promise<{ id: string }> };

/** A post the viewer may not see answers exactly as one that never existed. */
async function loadPost(id: string) {
  if (!/^[a-z0-9]{20,40}$/.test(id)) notFound();
  try {
    return await getPost(await requireViewer(), id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await loadPost((await params).id);
  const t = await getTranslations('feed');
  return { title: t('postBy', { name: post.author.name }) };
}

export default async function PostPage({ params }: Props) {
  const post = await loadPost((await params).id);
  const t = await getTranslations('feed');
  return (
    <>
      <PageHeader title={t('postTitle')} />
      <div className="mx-auto max-w-2xl px-2 pb-6 sm:px-4">
        <PostCard post={post} renderedAt={new Date().toISOString()} openComments />
      </div>
    </>
  );
}
