import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { translatedTitle } from '@/components/ui/translated-title';
import { Icon, type IconName } from '@/components/shell/icons';
import { PageHeader } from '@/components/ui/page-header';

export const generateMetadata = translatedTitle('nav', 'discover');

/** Every service in one list, as WeChat's Discover tab does. */
const services: { key: IconName; href: string }[] = [
  { key: 'watch', href: '/watch' },
  { key: 'wallet', href: '/wallet' },
  { key: 'book', href: '/book' },
  { key: 'pages', href: '/pages' },
  { key: 'events', href: '/events' },
  { key: 'market', href: '/market' },
];

export default async function DiscoverPage() {
  const nav = await getTranslations('nav');
  const t = await getTranslations('services');
  return (
    <>
      <PageHeader title={nav('discover')} />
      <ul className="mx-auto grid max-w-2xl gap-2 p-4 sm:grid-cols-2">
        {services.map((service) => (
          <li key={service.key}>
            <Link href={service.href} className="flex items-center gap-4 rounded-2xl bg-surface-2 p-4 hover:bg-surface-3">
              <span className="flex size-11 items-center justify-center rounded-xl bg-brand/15 text-brand">
                <Icon name={service.key} />
              </span>
              <span className="flex flex-col">
                <span className="font-medium">{t(`${service.key}.title`)}</span>
                <span className="text-sm text-fg-muted">{t(`${service.key}.description`)}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
