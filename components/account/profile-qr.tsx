import { getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { publicOrigin } from '@/lib/core/request';

/**
 * A personal QR code: any phone camera opens the profile, where "Add friend" waits. The SVG
 * comes from the qrcode library, built from our own URL (no user markup in it).
 */
export async function ProfileQr({ handle }: { handle: string }) {
  const t = await getTranslations('people');
  const url = `${publicOrigin()}/u/${handle}`;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return (
    <figure className="flex flex-col items-center gap-2">
      <div role="img" aria-label={t('qrLabel', { url })} data-qr-url={url} className="w-56 rounded-2xl bg-white p-3" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="text-center text-sm text-fg-muted">{t('qrCaption')}</figcaption>
    </figure>
  );
}
