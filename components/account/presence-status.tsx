'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { accountEvents, personStatusSchema, type PersonStatus } from '@/lib/account/client';
import { useOwnChannel } from '@/lib/realtime/client';

/** A friend's status, kept current by `person.status` events on the viewer's own channel. */
function useLiveStatus(initial: PersonStatus): PersonStatus {
  const [status, setStatus] = useState(initial);
  // A fresh server render (navigation, refresh after a reconnect) brings a newer starting point.
  const [basis, setBasis] = useState(initial);
  if (basis !== initial) {
    setBasis(initial);
    setStatus(initial);
  }
  useOwnChannel(accountEvents.status, personStatusSchema, (event) => {
    if (event.personId === initial.personId) setStatus(event);
  });
  return status;
}

/** The green dot beside a friend's name in lists: shown while they are online. */
export function OnlineDot({ initial }: { initial: PersonStatus }) {
  const t = useTranslations('people');
  const status = useLiveStatus(initial);
  if (!status.online) return null;
  return <span role="img" aria-label={t('online')} title={t('online')} className="inline-block size-2.5 shrink-0 rounded-full bg-green-500 ring-2 ring-surface" />;
}

/** "Online" or "Active 5 minutes ago" under a friend's name on their profile. */
export function PresenceLine({ initial }: { initial: PersonStatus }) {
  const t = useTranslations('people');
  const format = useFormatter();
  const status = useLiveStatus(initial);
  if (status.online) {
    return (
      <p className="flex items-center gap-1.5 text-sm text-green-700 dark:text-green-400">
        <span aria-hidden className="size-2 rounded-full bg-green-500" />
        {t('online')}
      </p>
    );
  }
  if (!status.lastSeenAt) return null;
  return <p className="text-sm text-fg-muted">{t('lastSeen', { when: format.relativeTime(new Date(status.lastSeenAt)) })}</p>;
}
