import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordForm } from '@/components/account/reset-password-form';
import { checkResetLink } from '@/lib/account';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('recovery'))('resetTitle'), referrer: 'no-referrer' };
}

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await checkResetLink(token);
  const t = await getTranslations('recovery');
  const errors = await getTranslations('errors');
  if (state !== 'valid') {
    const title = state === 'used' ? 'linkUsedTitle' : state === 'expired' ? 'linkExpiredTitle' : 'linkInvalidTitle';
    const body = state === 'used' ? 'recovery.linkUsed' : state === 'expired' ? 'recovery.linkExpired' : 'recovery.linkInvalid';
    return (
      <>
        <h1 className="text-2xl font-semibold">{t(title)}</h1>
        <p className="text-fg-muted">{errors(body)}</p>
        <Link href="/forgot" className="font-medium text-brand underline">
          {t('requestNewLink')}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-semibold">{t('resetTitle')}</h1>
      <ResetPasswordForm token={token} />
    </>
  );
}
