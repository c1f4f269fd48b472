import { getTranslations } from 'next-intl/server';
import { getAccountSettings } from '@/lib/account/recovery';
import type { Viewer } from '@/lib/core/session';
import { ResendVerificationButton } from './resend-verification-button';

/** Shown on /me and where money is sent until the person confirms their address. */
export async function EmailVerificationNotice({ viewer }: { viewer: Viewer }) {
  const settings = await getAccountSettings(viewer);
  if (settings.emailVerified) return null;
  const t = await getTranslations('recovery');
  return (
    <section aria-label={t('verifyTitle')} className="flex flex-col gap-3 rounded-xl border border-line bg-surface-2 p-4">
      <p className="text-sm">{t('notVerified')}</p>
      <ResendVerificationButton />
    </section>
  );
}
