'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { updatePrivacyAction } from '@/lib/account/graph-actions';
import { SubmitRow } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';

const options = {
  friendsVisibility: ['EVERYONE', 'FRIENDS', 'ONLY_ME'],
  friendRequestsFrom: ['EVERYONE', 'FRIENDS_OF_FRIENDS', 'NOBODY'],
} as const;

export function PrivacyForm(current: { friendsVisibility: string; friendRequestsFrom: string }) {
  const t = useTranslations('people');
  const router = useRouter();
  const form = useActionForm(updatePrivacyAction, () => router.refresh());
  return (
    <form onSubmit={form.onSubmit} className="flex flex-col gap-6">
      <FormMessage message={form.message} />
      {(Object.keys(options) as (keyof typeof options)[]).map((setting) => (
        <fieldset key={setting} className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">{t(`privacySettings.${setting}`)}</legend>
          {options[setting].map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-3 rounded-xl border border-line px-3 has-[:checked]:border-brand">
              <input type="radio" name={setting} value={value} defaultChecked={current[setting] === value} className="size-4 accent-[var(--brand)]" />
              {t(`privacySettings.${value}`)}
            </label>
          ))}
        </fieldset>
      ))}
      <SubmitRow label={t('savePrivacy')} done={t('saved')} pending={form.pending} succeeded={form.succeeded} />
    </form>
  );
}
