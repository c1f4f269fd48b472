import { useTranslations } from 'next-intl';
import { endDeviceAction, endOtherDevicesAction } from '@/lib/account/actions';
import { ActionButton } from '@/components/ui/action-button';

export type DeviceRow = { id: string; label: string; current: boolean; signedIn: string; lastActive: string };

/** The signed-in devices, this one first, each other one with its own "Sign out". */
export function DeviceList({ devices }: { devices: DeviceRow[] }) {
  const t = useTranslations('security');
  const ordered = [...devices].sort((a, b) => Number(b.current) - Number(a.current));
  const others = ordered.filter((device) => !device.current);
  return (
    <>
      <ul aria-label={t('devicesLabel')} className="divide-y divide-line overflow-hidden rounded-2xl bg-surface-2">
        {ordered.map((device) => (
          <li key={device.id} className="flex min-h-16 items-center justify-between gap-3 px-4 py-3">
            <div className="min-w-0">
              <p className="truncate font-medium">
                {device.label}
                {device.current && <span className="ml-2 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-on-brand">{t('thisDevice')}</span>}
              </p>
              <p className="text-sm text-fg-muted">
                {device.lastActive} · {device.signedIn}
              </p>
            </div>
            {!device.current && (
              <ActionButton action={endDeviceAction} input={{ sessionId: device.id }} variant="secondary">
                <span aria-hidden>{t('signOutDevice')}</span>
                <span className="sr-only">{t('signOutDeviceLabel', { device: device.label })}</span>
              </ActionButton>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <ActionButton action={endOtherDevicesAction} input={{ intent: 'sign-out-everywhere-else' as const }} variant="danger" confirm={t('confirmEverywhereElse')}>
          {t('signOutEverywhereElse')}
        </ActionButton>
      ) : (
        <p className="text-sm text-fg-muted">{t('onlyThisDevice')}</p>
      )}
    </>
  );
}
