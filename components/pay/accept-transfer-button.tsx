'use client';
import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { acceptTransferAction } from '@/lib/pay/actions';

export function AcceptTransferButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations('wallet');
  return (
    <ActionButton action={acceptTransferAction} input={{ id }} variant="primary">
      <span aria-hidden>{t('accept')}</span>
      <span className="sr-only">{label}</span>
    </ActionButton>
  );
}
