'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { signOutAction } from '@/lib/account/actions';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const t = useTranslations('me');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="danger"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await signOutAction({});
          if (result.ok) {
            router.replace(result.data.redirectTo);
            router.refresh();
          }
        })
      }
    >
      {t('signOut')}
    </Button>
  );
}
