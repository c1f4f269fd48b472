import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { LinkedText } from '@/components/ui/linked-text';
import { PageHeader } from '@/components/ui/page-header';
import { getStoredMail } from '@/lib/core/mail';
import { orNotFound } from '@/lib/core/page-guards';
import { getViewer } from '@/lib/core/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('outgoingMail'), referrer: 'no-referrer' };
}

export default async function StoredMailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const mail = await orNotFound(getStoredMail(await getViewer(), id));
  const t = await getTranslations('admin');
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t('outgoingMail')}>
        <Link href="/admin/mail" className="text-sm font-medium text-brand underline">
          {t('backToMail')}
        </Link>
      </PageHeader>
      <article className="mx-auto flex max-w-xl flex-col gap-3 p-4">
        <h2 className="text-xl font-semibold">{mail.subject}</h2>
        <p className="text-sm text-fg-muted">
          {t('to', { to: mail.to })} ·{' '}
          <time dateTime={mail.createdAt.toISOString()}>{format.dateTime(mail.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
        </p>
        <LinkedText text={mail.text} />
      </article>
    </>
  );
}
