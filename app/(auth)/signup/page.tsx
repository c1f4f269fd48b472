import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ExternalSignIn } from '@/components/account/external-sign-in';
import { SignUpForm } from '@/components/account/sign-up-form';
import { externalProviders } from '@/lib/core/auth-providers';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signUp') };
}

export default async function SignUpPage() {
  const t = await getTranslations('auth');
  return (
    <>
      <h1 className="text-2xl font-semibold">{t('signUpTitle')}</h1>
      <ExternalSignIn providers={externalProviders()} />
      <SignUpForm />
    </>
  );
}
