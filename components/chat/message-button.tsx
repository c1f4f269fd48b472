'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { startDirectAction } from '@/lib/chat/actions';

/** "Message" on a friend's profile: opens your chat with them, starting it the first time. */
export function MessageButton({ personId }: { personId: string }) {
  const t = useTranslations('chat');
  const router = useRouter();
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        type="button"
        pending={pending}
        disabled={!hydrated}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await startDirectAction({ personId });
            if (result.ok) router.push(`/chats/${result.data.conversationId}`);
            else setError(result.message);
          })
        }
      >
        {t('message')}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-danger">
          {error}
        </span>
      )}
    </span>
  );
}
