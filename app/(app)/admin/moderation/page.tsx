import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { canUseAdmin } from '@/lib/core/admin-policy';
import { requireViewer } from '@/lib/core/session';
import { listModerationQueue } from '@/lib/feed';
import { resolveReportAction } from '@/lib/feed/actions';
import { imageUrl } from '@/lib/media/client';

export const generateMetadata = translatedTitle('moderation', 'title');

/** The moderation queue: what people reported, with what was reported, to hide or dismiss. */
export default async function ModerationPage() {
  const viewer = await requireViewer();
  if (!canUseAdmin(viewer)) notFound();
  const [t, feedText, format, items] = await Promise.all([getTranslations('moderation'), getTranslations('feed'), getFormatter(), listModerationQueue(viewer)]);
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-2xl flex-col gap-4 p-4">
        <p className="text-fg-muted">{t('hint')}</p>
        {items.length === 0 ? (
          <p className="py-12 text-center text-fg-muted">{t('empty')}</p>
        ) : (
          <ul aria-label={t('title')} className="flex flex-col gap-3">
            {items.map((item) => (
              <li key={`${item.targetType}-${item.targetId}`} className="flex flex-col gap-2 rounded-xl border border-line p-4">
                <p className="text-sm text-fg-muted">
                  {t(item.targetType)} · {t('by', { name: item.author?.name ?? t('unknownAuthor') })} · {t('reports', { count: item.reports })} ·{' '}
                  {item.reasons.map((reason) => feedText(`reasons.${reason}`)).join(', ')} · {format.relativeTime(new Date(item.firstReportedAt))}
                </p>
                {item.body && <p className="whitespace-pre-wrap break-words">{item.body}</p>}
                {item.photoIds.length > 0 && (
                  <div className="flex flex-wrap gap-1">
                    {item.photoIds.map((id) => (
                      // eslint-disable-next-line @next/next/no-img-element -- small WebP variant of a reported photo
                      <img key={id} src={imageUrl(id, 'sm')} alt="" className="size-20 rounded-lg object-cover" />
                    ))}
                  </div>
                )}
                <div className="flex flex-wrap items-center gap-2">
                  {item.hidden ? (
                    <span className="text-sm text-fg-muted">{t('alreadyHidden')}</span>
                  ) : (
                    <ActionButton action={resolveReportAction} input={{ targetType: item.targetType, targetId: item.targetId, resolution: 'hidden' }} variant="danger">
                      {t('hide')}
                    </ActionButton>
                  )}
                  <ActionButton action={resolveReportAction} input={{ targetType: item.targetType, targetId: item.targetId, resolution: 'dismissed' }}>
                    {t('dismiss')}
                  </ActionButton>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
