'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { markNotificationsReadAction } from '@/lib/notify/actions';
import { Button } from '@/components/ui/button';

/** "Mark all as read": the unread dots and the tab-bar count go away. */
export function MarkNotificationsRead({ ids }: { ids: string[] }) {
  const t = useTranslations('notify');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await markNotificationsReadAction({ ids });
          if (result.ok) router.refresh();
        })
      }
    >
      {t('markAllRead')}
    </Button>
  );
}
