import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/account/sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signIn') };
}

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
