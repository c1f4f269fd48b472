import { getTranslations } from 'next-intl/server';
import { translatedTitle } from '@/components/ui/translated-title';
import { SignInForm } from '@/components/account/sign-in-form';

export const generateMetadata = translatedTitle('auth', 'signIn');

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const t = await getTranslations('auth');
  const { next } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-semibold">{t('signInTitle')}</h1>
      <SignInForm next={typeof next === 'string' ? next : undefined} />
    </>
  );
}
