import { getTranslations } from 'next-intl/server';
import { translatedTitle } from '@/components/ui/translated-title';
import { ExternalSignIn } from '@/components/account/external-sign-in';
import { SignInForm } from '@/components/account/sign-in-form';
import { externalProviders } from '@/lib/core/auth-providers';

export const generateMetadata = translatedTitle('auth', 'signIn');

type Search = { next?: string | string[]; error?: string | string[] };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const t = await getTranslations('auth');
  const identity = await getTranslations('identity');
  const { next, error } = await searchParams;
  const nextPath = typeof next === 'string' ? next : undefined;
  return (
    <>
      <h1 className="text-2xl font-semibold">{t('signInTitle')}</h1>
      {/* Auth.js sends failed sign-ins through a provider back here with ?error=… */}
      <ExternalSignIn providers={externalProviders()} next={nextPath} error={error ? identity('signInFailed') : null} />
      <SignInForm next={nextPath} />
    </>
  );
}
