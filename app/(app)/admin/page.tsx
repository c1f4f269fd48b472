import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { canUseAdmin } from '@/lib/core/admin-policy';
import { requireViewer } from '@/lib/core/session';

export const generateMetadata = translatedTitle('admin', 'title');

/** Only admins may see even this index; each tool's service checks again. */
export default async function AdminPage() {
  const viewer = await requireViewer();
  if (!canUseAdmin(viewer)) notFound();
  const t = await getTranslations('admin');
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-xl flex-col gap-4 p-4">
        <p className="text-fg-muted">{t('intro')}</p>
        <ul className="flex flex-col divide-y divide-line rounded-xl border border-line">
          <li>
            <Link href="/admin/moderation" className="flex flex-col gap-1 p-4 hover:bg-surface-2">
              <span className="font-medium">{t('moderation')}</span>
              <span className="text-sm text-fg-muted">{t('moderationHint')}</span>
            </Link>
          </li>
          <li>
            <Link href="/admin/mail" className="flex flex-col gap-1 p-4 hover:bg-surface-2">
              <span className="font-medium">{t('outgoingMail')}</span>
              <span className="text-sm text-fg-muted">{t('outgoingMailHint')}</span>
            </Link>
          </li>
        </ul>
      </div>
    </>
  );
}
