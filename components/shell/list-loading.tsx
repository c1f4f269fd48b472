import { getTranslations } from 'next-intl/server';
import { ListSkeleton } from '@/components/ui/skeleton';

/**
 * The skeleton a list page shows while it loads. A loading file makes its segment stream, which
 * fixes the status at 200 before the page runs, so it goes only above pages that never answer
 * "not found" (pages with an id or handle stay outside it and can answer a real 404).
 */
export default async function ListLoading() {
  return <ListSkeleton label={(await getTranslations('common'))('loading')} />;
}
