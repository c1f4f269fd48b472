import { getFormatter, getTranslations } from 'next-intl/server';
import { DeviceList } from '@/components/account/device-list';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { listDevices } from '@/lib/account';
import { now } from '@/lib/core/clock';
import { requireViewer } from '@/lib/core/session';

export const generateMetadata = translatedTitle('security', 'title');

// Within this long, "last seen" reads as "active now" (sightings are refreshed every few minutes).
const activeNowMs = 10 * 60 * 1000;

/** Where a person sees every browser signed in to their account and ends any of them. */
export default async function SecurityPage() {
  const [devices, t, format] = await Promise.all([requireViewer().then(listDevices), getTranslations('security'), getFormatter()]);
  const at = now();
  const rows = devices.map((device) => ({
    id: device.id,
    label: device.label,
    current: device.current,
    signedIn: t('signedInAt', { when: format.relativeTime(device.createdAt, at) }),
    lastActive: device.current || at.getTime() - device.lastSeenAt.getTime() < activeNowMs ? t('activeNow') : t('lastActive', { when: format.relativeTime(device.lastSeenAt, at) }),
  }));
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-xl flex-col gap-4 p-4">
        <p className="text-sm text-fg-muted">{t('intro')}</p>
        <DeviceList devices={rows} />
      </div>
    </>
  );
}
