import Link from 'next/link';

/** Pages opened from links in mail: usable signed in or out (a change of email is confirmed while signed in). */
export default function MailLinkLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-6 py-10">
      <Link href="/" className="text-3xl font-bold text-brand">
        Plaza
      </Link>
      {children}
    </main>
  );
}
