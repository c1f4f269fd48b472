import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppNav } from '@/components/shell/app-nav';
import { getPendingIdentity, getViewer } from '@/lib/core/session';

/**
 * The signed-in shell. The redirect is a convenience for people, not the guard: every service
 * checks the viewer itself.
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  if (!(await getViewer())) {
    // Signed in elsewhere but no account yet: not signed in here; finish choosing a handle.
    redirect((await getPendingIdentity()) ? '/signup/handle' : '/login');
  }
  const t = await getTranslations('nav');
  return (
    <div className="md:flex">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-30 focus:rounded-lg focus:bg-surface focus:p-2">
        {t('skipToContent')}
      </a>
      <AppNav />
      <main id="content" className="min-h-dvh flex-1 pb-20 md:pb-0">
        {children}
      </main>
    </div>
  );
}
