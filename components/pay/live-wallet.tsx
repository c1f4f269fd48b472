'use client';
import { useRouter } from 'next/navigation';
import { balanceChangedSchema, payEvents, redPacketChangedSchema, transferChangedSchema } from '@/lib/pay/events';
import { useOwnChannel } from '@/lib/realtime/client';

/** Refetches the page when money moves for the viewer, and after a dropped connection. */
export function LiveWallet() {
  const router = useRouter();
  const refresh = () => router.refresh();
  useOwnChannel(payEvents.balance, balanceChangedSchema, refresh, { onReconnect: refresh });
  useOwnChannel(payEvents.transfer, transferChangedSchema, refresh);
  useOwnChannel(payEvents.redPacket, redPacketChangedSchema, refresh);
  return null;
}
