'use client';
import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { claimRedPacketAction } from '@/lib/pay/actions';

export function ClaimRedPacketButton({ id }: { id: string }) {
  const t = useTranslations('walletPacket');
  return (
    <ActionButton action={claimRedPacketAction} input={{ id }} variant="primary" className="w-full">
      {t('claim')}
    </ActionButton>
  );
}
