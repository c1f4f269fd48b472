import { getTranslations } from 'next-intl/server';
import { translatedTitle } from '@/components/ui/translated-title';
import { ExternalSignIn } from '@/components/account/external-sign-in';
import { SignUpForm } from '@/components/account/sign-up-form';
import { externalProviders } from '@/lib/core/auth-providers';

export const generateMetadata = translatedTitle('auth', 'signUp');

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
