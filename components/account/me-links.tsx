import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** The places of one's own account, listed on /me. */
const links = [
  { href: '/me/contacts', key: 'contacts' },
  { href: '/notifications', key: 'notifications' },
  { href: '/me/privacy', key: 'privacy' },
  { href: '/me/security', key: 'security' },
  { href: '/me/settings', key: 'settings' },
  { href: '/me/scan', key: 'scan' },
] as const;

export async function MeLinks({ handle, unread }: { handle: string; unread: number }) {
  const t = await getTranslations('people');
  return (
    <nav aria-label={t('yourAccount')}>
      <ul className="divide-y divide-line overflow-hidden rounded-2xl bg-surface-2">
        <li>
          <Link href={`/u/${handle}`} className="flex min-h-12 items-center justify-between px-4 hover:bg-surface-3">
            {t('viewProfile')}
            <span aria-hidden>›</span>
          </Link>
        </li>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="flex min-h-12 items-center justify-between px-4 hover:bg-surface-3">
              <span>
                {t(`links.${link.key}`)}
                {link.key === 'notifications' && unread > 0 && <span className="ml-2 rounded-full bg-danger px-2 text-xs font-semibold text-white">{unread}</span>}
              </span>
              <span aria-hidden>›</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
