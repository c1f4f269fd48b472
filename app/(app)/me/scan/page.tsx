import { getTranslations } from 'next-intl/server';
import { QrScanner } from '@/components/account/qr-scanner';
import { PageHeader } from '@/components/ui/page-header';
import { translatedTitle } from '@/components/ui/translated-title';

export const generateMetadata = translatedTitle('people', 'scanTitle');

export default async function ScanPage() {
  const t = await getTranslations('people');
  return (
    <>
      <PageHeader title={t('scanTitle')} />
      <div className="mx-auto flex max-w-md flex-col gap-4 p-4">
        <p className="text-fg-muted">{t('scanExplain')}</p>
        <QrScanner />
      </div>
    </>
  );
}
