import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** The same words for a page that does not exist and for one the viewer may not know exists. */
export async function NotFoundMessage() {
  const t = await getTranslations('errors');
  return (
    <section className="mx-auto flex max-w-md flex-col items-center justify-center gap-4 px-6 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t('pageNotFound')}</h1>
      <p className="text-fg-muted">{t('pageNotFoundBody')}</p>
      <Link href="/" className="font-medium text-brand underline">
        {t('goHome')}
      </Link>
    </section>
  );
}
