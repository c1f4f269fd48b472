import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { listStoredMail } from '@/lib/core/mail';
import { orNotFound } from '@/lib/core/page-guards';
import { getViewer } from '@/lib/core/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('outgoingMail') };
}

export default async function OutgoingMailPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const { after } = await searchParams;
  const { mails, next } = await orNotFound(listStoredMail(await getViewer(), typeof after === 'string' ? after : undefined));
  const t = await getTranslations('admin');
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t('outgoingMail')} />
      <div className="mx-auto flex max-w-xl flex-col gap-4 p-4">
        <p className="text-sm text-fg-muted">{t('outgoingMailHint')}</p>
        {mails.length === 0 ? (
          <p className="py-8 text-center text-fg-muted">{t('noMail')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line rounded-xl border border-line" aria-label={t('outgoingMail')}>
            {mails.map((mail) => (
              <li key={mail.id}>
                <Link href={`/admin/mail/${mail.id}`} className="flex flex-col gap-0.5 p-3 hover:bg-surface-2">
                  <span className="font-medium">{mail.subject}</span>
                  <span className="truncate text-sm text-fg-muted">{t('to', { to: mail.to })}</span>
                  <time dateTime={mail.createdAt.toISOString()} className="text-xs text-fg-muted">
                    {format.dateTime(mail.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <nav className="flex justify-between text-sm" aria-label={t('outgoingMail')}>
          {after ? (
            <Link href="/admin/mail" className="font-medium text-brand underline">
              {t('newestMail')}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={`/admin/mail?after=${encodeURIComponent(next)}`} className="font-medium text-brand underline">
              {t('olderMail')}
            </Link>
          )}
        </nav>
      </div>
    </>
  );
}
