import type { Locale } from '../locales';
import enAccount from './en/account.json';
import enAdmin from './en/admin.json';
import enCore from './en/core.json';
import enNotify from './en/notify.json';
import enPeople from './en/people.json';
import enRecovery from './en/recovery.json';
import enMedia from './en/media.json';
import enProfileMedia from './en/profile-media.json';
import enIdentity from './en/identity.json';
import enPayStripe from './en/pay-stripe.json';
import enPayCards from './en/pay-cards.json';
import enPay from './en/pay.json';
import enFeed from './en/feed.json';
import enChat from './en/chat.json';
import enChatSearch from './en/chat-search.json';
import enSecurity from './en/security.json';
import zhAccount from './zh-CN/account.json';
import zhAdmin from './zh-CN/admin.json';
import zhCore from './zh-CN/core.json';
import zhNotify from './zh-CN/notify.json';
import zhPeople from './zh-CN/people.json';
import zhRecovery from './zh-CN/recovery.json';
import zhMedia from './zh-CN/media.json';
import zhProfileMedia from './zh-CN/profile-media.json';
import zhIdentity from './zh-CN/identity.json';
import zhPayStripe from './zh-CN/pay-stripe.json';
import zhPayCards from './zh-CN/pay-cards.json';
import zhPay from './zh-CN/pay.json';
import zhFeed from './zh-CN/feed.json';
import zhChat from './zh-CN/chat.json';
import zhChatSearch from './zh-CN/chat-search.json';
import zhSecurity from './zh-CN/security.json';

/**
 * Messages are kept one file per domain and locale, so domains add strings without touching
 * each other's files; they are deep-merged here (a domain may add keys under `errors`).
 */
const byLocale: Record<Locale, object[]> = {
  en: [enCore, enAccount, enPeople, enNotify, enRecovery, enAdmin, enMedia, enProfileMedia, enIdentity, enPayStripe, enPayCards, enPay, enFeed, enChat, enChatSearch, enSecurity],
  'zh-CN': [zhCore, zhAccount, zhPeople, zhNotify, zhRecovery, zhAdmin, zhMedia, zhProfileMedia, zhIdentity, zhPayStripe, zhPayCards, zhPay, zhFeed, zhChat, zhChatSearch, zhSecurity],
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
