import type { Locale } from '../locales';
import enAccount from './en/account.json';
import enCore from './en/core.json';
import enIdentity from './en/identity.json';
import zhAccount from './zh-CN/account.json';
import zhCore from './zh-CN/core.json';
import zhIdentity from './zh-CN/identity.json';

/**
 * Messages are kept one file per domain and locale, so domains add strings without touching
 * each other's files; they are deep-merged here (a domain may add keys under `errors`).
 */
const byLocale: Record<Locale, object[]> = {
  en: [enCore, enAccount, enIdentity],
  'zh-CN': [zhCore, zhAccount, zhIdentity],
};

type Tree = { [key: string]: string | Tree };

function deepMerge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = typeof value === 'object' && typeof existing === 'object' ? deepMerge({ ...existing }, value) : value;
  }
  return target;
}

const merged = Object.fromEntries(
  Object.entries(byLocale).map(([locale, files]) => [locale, files.reduce<Tree>((all, file) => deepMerge(all, file as Tree), {})]),
) as Record<Locale, Tree>;

export function messagesFor(locale: Locale): Tree {
  return merged[locale];
}
