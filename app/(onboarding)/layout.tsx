import Link from 'next/link';

/**
 * Pages for someone who signed in with another provider and has no account yet. Unlike the
 * sign-in pages, they must not send signed-in people away before reading where to go next.
 */
export default function OnboardingLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-6 py-10">
      <Link href="/" className="text-3xl font-bold text-brand">
        Plaza
      </Link>
      {children}
    </main>
  );
}
