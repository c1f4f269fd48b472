'use client';
import { useRouter } from 'next/navigation';
import { notificationCreatedSchema, notifyEvents } from '@/lib/notify/client';
import { useOwnChannel } from '@/lib/realtime/client';

/** Shows new notifications as they arrive, and whatever was missed while offline. */
export function LiveNotifications() {
  const router = useRouter();
  const refresh = () => router.refresh();
  useOwnChannel(notifyEvents.created, notificationCreatedSchema, refresh, { onReconnect: refresh });
  return null;
}
