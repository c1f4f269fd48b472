import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '@/lib/core/i18n/locales';

describe('language from the browser', () => {
  it('picks Simplified Chinese for any Chinese preference and English otherwise', () => {
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('zh-TW')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
  });

  it('honours quality values over order', () => {
    expect(localeFromAcceptLanguage('en;q=0.5,zh;q=0.9')).toBe('zh-CN');
  });
});
