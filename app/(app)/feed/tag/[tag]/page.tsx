import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Timeline } from '@/components/feed/timeline';
import { PageHeader } from '@/components/ui/page-header';
import { requireViewer } from '@/lib/core/session';
import { listHashtagTimeline } from '@/lib/feed';

type Props = { params: Promise<{ tag: string }> };

function readTag(raw: string): string {
  const tag = decodeURIComponent(raw);
  if (!/^[\p{L}\p{N}_]{1,50}$/u.test(tag)) notFound();
  return tag;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `#${readTag((await params).tag)}` };
}

export default async function HashtagPage({ params }: Props) {
  const tag = readTag((await params).tag);
  const viewer = await requireViewer();
  const t = await getTranslations('feed');
  const first = await listHashtagTimeline(viewer, { tag });
  return (
    <>
      <PageHeader title={`#${tag}`} />
      <div className="mx-auto flex max-w-2xl flex-col gap-3 px-2 pb-6 sm:px-4">
        <Timeline timeline={{ kind: 'hashtag', tag }} initial={first} renderedAt={new Date().toISOString()} empty={t('emptyHashtag', { tag })} />
      </div>
    </>
  );
}
