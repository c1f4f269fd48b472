'use client';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { setLocaleAction } from '@/lib/account/actions';
import { locales } from '@/lib/core/i18n/locales';

const names: Record<(typeof locales)[number], string> = { en: 'English', 'zh-CN': '简体中文' };

export function LanguageSwitch() {
  const t = useTranslations('me');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <fieldset className="flex flex-col gap-2" disabled={pending}>
      <legend className="mb-1 text-sm font-medium">{t('language')}</legend>
      <div className="flex gap-2">
        {locales.map((option) => (
          <button
            key={option}
            type="button"
            lang={option}
            aria-pressed={locale === option}
            onClick={() =>
              startTransition(async () => {
                await setLocaleAction({ locale: option });
                router.refresh();
              })
            }
            className="min-h-11 rounded-xl border border-line px-4 aria-pressed:border-brand aria-pressed:bg-brand/10 aria-pressed:font-semibold"
          >
            {names[option]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
