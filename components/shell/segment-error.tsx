'use client';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

/** What a route segment shows when something unexpected broke while rendering it. */
export function SegmentError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 px-6 py-16 text-center">
      <h1 className="text-xl font-semibold">{t('unexpectedTitle')}</h1>
      <p className="text-fg-muted">{t('unexpectedBody')}</p>
      {error.digest && <p className="text-xs text-fg-muted">{t('reference', { digest: error.digest })}</p>}
      <Button onClick={reset}>{t('tryAgain')}</Button>
    </section>
  );
}
