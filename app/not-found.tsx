import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-2xl font-semibold">{t('pageNotFound')}</h1>
      <p className="text-fg-muted">{t('pageNotFoundBody')}</p>
      <Link href="/" className="font-medium text-brand underline">
        {t('goHome')}
      </Link>
    </main>
  );
}
