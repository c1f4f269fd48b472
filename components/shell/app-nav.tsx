'use client';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { totalUnreadAction } from '@/lib/chat/actions';
import { activityEventSchema, chatEvents } from '@/lib/chat/client';
import { notificationCreatedSchema, notificationsReadSchema, notifyEvents } from '@/lib/notify/client';
import { useOwnChannel } from '@/lib/realtime/client';
import { Icon, type IconName } from './icons';

const tabs: { href: string; key: IconName }[] = [
  { href: '/chats', key: 'chats' },
  { href: '/feed', key: 'feed' },
  { href: '/discover', key: 'discover' },
  { href: '/market', key: 'market' },
  { href: '/me', key: 'me' },
];

/** Extra places the wide-screen side bar lists below the five tabs. */
const sideExtras: { href: string; key: IconName }[] = [
  { href: '/wallet', key: 'wallet' },
  { href: '/notifications', key: 'notifications' },
];

function isActive(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

function Badge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <span className="absolute -right-2 -top-1 min-w-5 rounded-full bg-danger px-1 text-center text-[11px] font-semibold leading-5 text-white" aria-label={label}>
      {count > 99 ? '99+' : count}
    </span>
  );
}

function NavLink({ href, name, label, pathname, compact, badge = 0, badgeLabel = '' }: { href: string; name: IconName; label: string; pathname: string; compact: boolean; badge?: number; badgeLabel?: string }) {
  const active = isActive(pathname, href);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={
        compact
          ? `flex flex-1 flex-col items-center gap-0.5 py-1.5 text-xs ${active ? 'text-brand' : 'text-fg-muted'}`
          : `flex items-center gap-3 rounded-xl px-3 py-2.5 ${active ? 'bg-surface-2 font-semibold text-brand' : 'text-fg hover:bg-surface-2'}`
      }
    >
      <span className="relative">
        <Icon name={name} />
        <Badge count={badge} label={badgeLabel} />
      </span>
      <span>{label}</span>
    </Link>
  );
}

/**
 * The unread count from the server render, then kept current by realtime events; after a dropped
 * connection the page is refreshed, which brings a fresh count.
 */
function useLiveUnread(rendered: number): number {
  const router = useRouter();
  const [live, setLive] = useState({ rendered, count: rendered });
  if (live.rendered !== rendered) setLive({ rendered, count: rendered });
  const update = ({ unread }: { unread: number }) => setLive((state) => ({ ...state, count: unread }));
  useOwnChannel(notifyEvents.created, notificationCreatedSchema, update, { onReconnect: () => router.refresh() });
  useOwnChannel(notifyEvents.read, notificationsReadSchema, update);
  return live.count;
}

/**
 * Unread chat messages, from the server render, then refetched whenever chat says something
 * moved (a message arrived, the person read a chat in another tab). The installed app's icon
 * carries the same number where the platform supports badges.
 */
function useLiveChatUnread(rendered: number): number {
  const [live, setLive] = useState({ rendered, count: rendered });
  if (live.rendered !== rendered) setLive({ rendered, count: rendered });
  const refetch = async () => {
    const result = await totalUnreadAction({});
    if (result.ok) setLive((state) => ({ ...state, count: result.data.totalUnread }));
  };
  useOwnChannel(chatEvents.activity, activityEventSchema, () => void refetch(), { onReconnect: () => void refetch() });
  useEffect(() => {
    if (!('setAppBadge' in navigator)) return;
    const badge = live.count > 0 ? navigator.setAppBadge(live.count) : navigator.clearAppBadge();
    badge.catch(() => undefined);
  }, [live.count]);
  return live.count;
}

/** Bottom tab bar on phones, side bar on wide screens: the same destinations. */
export function AppNav({ unreadNotifications: rendered, unreadChats: renderedChats }: { unreadNotifications: number; unreadChats: number }) {
  const pathname = usePathname();
  const unreadNotifications = useLiveUnread(rendered);
  const unreadChats = useLiveChatUnread(renderedChats);
  const t = useTranslations('nav');
  // Phones have no notifications tab: the count rides on Me, which links to them.
  const badgeFor = (key: IconName) => (key === 'me' ? unreadNotifications : key === 'chats' ? unreadChats : 0);
  const labelFor = (key: IconName) => (key === 'chats' ? t('unreadChats', { count: unreadChats }) : t('unreadNotifications', { count: unreadNotifications }));
  return (
    <>
      <nav aria-label={t('main')} className="fixed inset-x-0 bottom-0 z-20 flex border-t border-line bg-surface/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden">
        {tabs.map((tab) => (
          <NavLink key={tab.href} href={tab.href} name={tab.key} label={t(tab.key)} pathname={pathname} compact badge={badgeFor(tab.key)} badgeLabel={labelFor(tab.key)} />
        ))}
      </nav>
      <nav aria-label={t('main')} className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col gap-1 border-r border-line p-3 md:flex">
        <Link href="/chats" className="mb-4 px-3 py-2 text-xl font-bold text-brand">
          Plaza
        </Link>
        {[...tabs, ...sideExtras].map((tab) => (
          <NavLink key={tab.href} href={tab.href} name={tab.key} label={t(tab.key)} pathname={pathname} compact={false} badge={tab.key === 'notifications' ? unreadNotifications : badgeFor(tab.key)} badgeLabel={labelFor(tab.key === 'me' ? 'notifications' : tab.key)} />
        ))}
      </nav>
    </>
  );
}
