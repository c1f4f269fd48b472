import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** Honest placeholder for a service whose domain has not arrived yet. */
export async function ComingSoon({ service }: { service: string }) {
  const t = await getTranslations('services');
  const soon = await getTranslations('comingSoon');
  return (
    <section className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t(`${service}.title`)}</h1>
      <p className="text-fg-muted">{t(`${service}.description`)}</p>
      <p className="rounded-full bg-surface-2 px-3 py-1 text-sm">{soon('badge')}</p>
      <p className="text-sm text-fg-muted">{soon('explain')}</p>
    </section>
  );
}

/** The page module of a service that is not built yet: its title and the placeholder. */
export function comingSoonPage(service: string) {
  return {
    generateMetadata: async (): Promise<Metadata> => ({ title: (await getTranslations('services'))(`${service}.title`) }),
    Page: () => <ComingSoon service={service} />,
  };
}
