import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, localeCookie, localeFromAcceptLanguage } from './locales';
import { messagesFor } from './messages';

/** Language: the person's choice (cookie, set in /me) or else the browser's. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return { locale, messages: messagesFor(locale), timeZone: 'UTC' };
});
