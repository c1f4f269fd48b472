'use client';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { startExternalSignInAction } from '@/lib/account/identity-actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';

type Provider = { id: string; name: string };

/** One "Continue with …" button per configured provider; nothing at all when none is. */
export function ExternalSignIn({ providers, next, error }: { providers: Provider[]; next?: string; error?: string | null }) {
  const t = useTranslations('identity');
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(error ?? null);
  if (providers.length === 0) return null;

  function start(provider: string) {
    setChosen(provider);
    startTransition(async () => {
      const result = await startExternalSignInAction({ provider, next });
      if (result.ok) {
        // The provider is another site: a full navigation, not a client-side route change.
        window.location.assign(result.data.redirectTo);
      } else {
        setMessage(result.message);
        setChosen(null);
      }
    });
  }

  return (
    <section aria-label={t('providersLabel')} className="flex flex-col gap-3">
      <FormMessage message={message} />
      {providers.map((provider) => (
        <Button key={provider.id} type="button" variant="secondary" pending={pending && chosen === provider.id} disabled={pending || !hydrated} onClick={() => start(provider.id)}>
          {t('continueWith', { provider: provider.name })}
        </Button>
      ))}
      <p className="flex items-center gap-3 text-sm text-fg-muted" aria-hidden>
        <span className="h-px flex-1 bg-line" />
        {t('or')}
        <span className="h-px flex-1 bg-line" />
      </p>
    </section>
  );
}
