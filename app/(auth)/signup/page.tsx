import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignUpForm } from '@/components/account/sign-up-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signUp') };
}

export default async function SignUpPage() {
  const t = await getTranslations('auth');
  return (
    <>
      <h1 className="text-2xl font-semibold">{t('signUpTitle')}</h1>
      <SignUpForm />
    </>
  );
}
