import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/core/session';

/** Signed-in people have no business on the sign-in pages: send them to their chats. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await getViewer()) redirect('/chats');
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-6 py-10">
      <Link href="/" className="text-3xl font-bold text-brand">
        Plaza
      </Link>
      {children}
    </main>
  );
}
