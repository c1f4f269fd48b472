import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CancelExternalSignUpButton } from '@/components/account/cancel-external-sign-up-button';
import { IdentitySignUpForm } from '@/components/account/identity-sign-up-form';
import { checkPendingIdentity, safeNextPath, suggestHandle } from '@/lib/account';
import { externalProviders } from '@/lib/core/auth-providers';
import { getPendingIdentity, getViewer } from '@/lib/core/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('identity'))('chooseHandleTitle') };
}

/**
 * Where every sign-in through another provider returns. A linked identity is already signed in
 * and passes straight on; a new one chooses a handle first.
 */
export default async function ChooseHandlePage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getViewer()) redirect(next);
  const pending = await getPendingIdentity();
  if (!pending) redirect('/login');

  const t = await getTranslations('identity');
  const provider = externalProviders().find((entry) => entry.id === pending.provider)?.name ?? pending.provider;
  const problem = await checkPendingIdentity(pending);

  if (problem !== 'ok') {
    return (
      <>
        <h1 className="text-2xl font-semibold">{t(problem === 'emailTaken' ? 'emailTakenTitle' : 'noEmailTitle')}</h1>
        <p role="alert" className="rounded-xl bg-danger/10 px-3 py-2 text-danger">
          {problem === 'emailTaken' ? t('emailTakenBody', { email: pending.email ?? '', provider }) : t('noEmailBody', { provider })}
        </p>
        <Link href="/login" className="flex min-h-11 items-center justify-center rounded-xl bg-brand px-4 font-medium text-on-brand hover:bg-brand-strong">
          {t('signInWithPassword')}
        </Link>
        <CancelExternalSignUpButton />
      </>
    );
  }

  return (
    <>
      <h1 className="text-2xl font-semibold">{t('chooseHandleTitle')}</h1>
      <p className="text-fg-muted">{t('chooseHandleIntro', { provider })}</p>
      <IdentitySignUpForm name={pending.name} handle={suggestHandle(pending)} next={next} />
    </>
  );
}
