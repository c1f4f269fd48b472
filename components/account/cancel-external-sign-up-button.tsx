'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { cancelExternalSignUpAction } from '@/lib/account/identity-actions';
import { Button } from '@/components/ui/button';
import { useHydrated } from '@/components/ui/use-hydrated';

/** Forgets the half-finished sign-up and goes back to the sign-in page. */
export function CancelExternalSignUpButton() {
  const t = useTranslations('identity');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  return (
    <Button
      type="button"
      variant="ghost"
      pending={pending}
      disabled={!hydrated}
      onClick={() =>
        startTransition(async () => {
          const result = await cancelExternalSignUpAction({});
          router.replace(result.ok ? result.data.redirectTo : '/login');
          router.refresh();
        })
      }
    >
      {t('cancel')}
    </Button>
  );
}
