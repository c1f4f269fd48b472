import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/core/session';

/** Signed in: straight to Chats. Otherwise: what Plaza is, and the way in. */
export default async function WelcomePage() {
  if (await getViewer()) redirect('/chats');
  const t = await getTranslations('welcome');
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-8 px-6 py-12">
      <div className="flex flex-col gap-3">
        <p className="text-4xl font-bold text-brand">Plaza</p>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-fg-muted">{t('body')}</p>
      </div>
      <div className="flex flex-col gap-3">
        <Link href="/signup" className="flex min-h-11 items-center justify-center rounded-xl bg-brand px-4 font-medium text-on-brand hover:bg-brand-strong">
          {t('signUp')}
        </Link>
        <Link href="/login" className="flex min-h-11 items-center justify-center rounded-xl bg-surface-2 px-4 font-medium hover:bg-surface-3">
          {t('signIn')}
        </Link>
      </div>
    </main>
  );
}
