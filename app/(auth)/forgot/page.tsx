import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ForgotPasswordForm } from '@/components/account/forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('recovery'))('forgotTitle') };
}

export default async function ForgotPage() {
  const t = await getTranslations('recovery');
  return (
    <>
      <h1 className="text-2xl font-semibold">{t('forgotTitle')}</h1>
      <p className="text-fg-muted">{t('forgotIntro')}</p>
      <ForgotPasswordForm />
    </>
  );
}
