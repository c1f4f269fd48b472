import { getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';
import { publicOrigin } from '@/lib/core/request';
import { requireViewer } from '@/lib/core/session';

export const generateMetadata = translatedTitle('walletReceive', 'title');

/** The viewer's "pay me" code: it opens /wallet/send with their handle, in Plaza's scanner or any camera. */
export default async function ReceiveMoneyPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('walletReceive');
  const url = `${publicOrigin()}/wallet/send?to=${encodeURIComponent(viewer.handle)}`;
  // The SVG is the qrcode library's, built from our own URL (no user markup in it).
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="mx-auto flex max-w-md flex-col items-center gap-4 p-4">
        <p className="text-fg-muted">{t('explain')}</p>
        <div role="img" aria-label={t('qrLabel', { handle: viewer.handle, url })} data-qr-url={url} className="w-64 rounded-2xl bg-white p-3" dangerouslySetInnerHTML={{ __html: svg }} />
        <p className="text-sm text-fg-muted">{t('link')}</p>
        <p className="break-all rounded-xl bg-surface-2 px-3 py-2 text-sm">{url}</p>
      </div>
    </>
  );
}
