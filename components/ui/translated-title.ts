import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** `export const generateMetadata = translatedTitle('people', 'contacts')`: a page title in the reader's language. */
export function translatedTitle(namespace: string, key: string) {
  return async (): Promise<Metadata> => ({ title: (await getTranslations(namespace))(key) });
}
