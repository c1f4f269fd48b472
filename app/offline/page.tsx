import { getTranslations } from 'next-intl/server';

/** Cached by the service worker at install and shown when a navigation fails offline. */
export default async function OfflinePage() {
  const t = await getTranslations('offline');
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-4xl font-bold text-brand">Plaza</p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-fg-muted">{t('body')}</p>
      {/* A plain link, not a client-side navigation: offline, the cached page may have no script. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/" className="flex min-h-11 items-center rounded-xl bg-brand px-4 font-medium text-on-brand">
        {t('retry')}
      </a>
    </main>
  );
}
