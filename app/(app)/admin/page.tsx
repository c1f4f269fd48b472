import { notFound } from 'next/navigation';
import { translatedTitle } from '@/components/ui/translated-title';
import { ComingSoon } from '@/components/ui/coming-soon';
import { requireViewer } from '@/lib/core/session';

export const generateMetadata = translatedTitle('services', 'admin.title');

/** Moderation and outgoing mail arrive with the people issue; only admins may see even this. */
export default async function AdminPage() {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  return <ComingSoon service="admin" />;
}
