import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { verifyEmail } from '@/lib/account';
import { getViewer } from '@/lib/core/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('recovery'))('verifyTitle'), referrer: 'no-referrer' };
}

/** Opening the link is the confirmation: holding the mail is what proves the address. */
export default async function VerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await verifyEmail(token, await getViewer());
  const t = await getTranslations('recovery');
  const errors = await getTranslations('errors');
  const message =
    result.state === 'verified'
      ? t('verified', { email: result.email })
      : result.state === 'taken'
        ? t('verifyTaken')
        : errors(result.state === 'used' ? 'recovery.linkUsed' : result.state === 'expired' ? 'recovery.linkExpired' : 'recovery.linkInvalid');
  return (
    <>
      <h1 className="text-2xl font-semibold">{t('verifyTitle')}</h1>
      <p role="status">{message}</p>
      <Link href="/me" className="font-medium text-brand underline">
        {t('continue')}
      </Link>
    </>
  );
}
