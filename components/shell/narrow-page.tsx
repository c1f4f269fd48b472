import Link from 'next/link';

/** The frame of the pages outside the app shell: sign-in, mail links, onboarding. */
export function NarrowPage({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-6 py-10">
      <Link href="/" className="text-3xl font-bold text-brand">
        Plaza
      </Link>
      {children}
    </main>
  );
}
