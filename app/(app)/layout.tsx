import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppNav } from '@/components/shell/app-nav';
import { headers } from 'next/headers';
import { getPendingIdentity, getViewer } from '@/lib/core/session';
import { getTotalUnread } from '@/lib/chat';
import { countMyUnread } from '@/lib/notify';
import { realtimeClientSettings } from '@/lib/realtime';
import { RealtimeProvider } from '@/lib/realtime/client';

/**
 * The signed-in shell. The redirect is a convenience for people, not the guard: every service
 * checks the viewer itself.
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) {
    // Signed in elsewhere but no account yet: not signed in here; finish choosing a handle.
    if (await getPendingIdentity()) redirect('/signup/handle');
    // Back to the page they asked for after signing in (a scanned profile QR code, a shared link).
    const path = (await headers()).get('x-plaza-path');
    redirect(path && path !== '/' ? `/login?next=${encodeURIComponent(path)}` : '/login');
  }
  const [t, unread, unreadChats] = await Promise.all([getTranslations('nav'), countMyUnread(viewer), getTotalUnread(viewer)]);
  return (
    <RealtimeProvider settings={realtimeClientSettings()} personId={viewer.id}>
    <div className="md:flex">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-30 focus:rounded-lg focus:bg-surface focus:p-2">
        {t('skipToContent')}
      </a>
      <AppNav unreadNotifications={unread} unreadChats={unreadChats} />
      <main id="content" className="min-h-dvh flex-1 pb-20 md:pb-0">
        {children}
      </main>
    </div>
    </RealtimeProvider>
  );
}
