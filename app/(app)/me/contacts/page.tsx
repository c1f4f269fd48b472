import { ContactsView, type Search } from '@/components/account/contacts-view';
import { translatedTitle } from '@/components/ui/translated-title';

export const generateMetadata = translatedTitle('people', 'contacts');

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Search> }) {
  return <ContactsView params={await searchParams} />;
}
