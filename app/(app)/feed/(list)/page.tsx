import { getTranslations } from 'next-intl/server';
import { Composer } from '@/components/feed/composer';
import { Timeline } from '@/components/feed/timeline';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { requireViewer } from '@/lib/core/session';
import { listHomeTimeline } from '@/lib/feed';
import { uploadLimits } from '@/lib/media';

export const generateMetadata = translatedTitle('feed', 'title');

/** Moments: your posts and those of friends and people you follow, newest first. */
export default async function FeedPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('feed');
  const first = await listHomeTimeline(viewer);
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-2xl flex-col gap-3 px-2 pb-6 sm:px-4">
        <Timeline timeline={{ kind: 'home' }} initial={first} renderedAt={new Date().toISOString()} empty={t('emptyHome')}>
          <Composer maxBytes={uploadLimits().maxBytes} />
        </Timeline>
      </div>
    </>
  );
}
