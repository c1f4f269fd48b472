import { NarrowPage } from '@/components/shell/narrow-page';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/core/session';

/** Signed-in people have no business on the sign-in pages: send them to their chats. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await getViewer()) redirect('/chats');
  return <NarrowPage>{children}</NarrowPage>;
}
