import { NarrowPage } from '@/components/shell/narrow-page';

/**
 * Pages for someone who signed in with another provider and has no account yet. Unlike the
 * sign-in pages, they must not send signed-in people away before reading where to go next.
 */
export default function OnboardingLayout({ children }: { children: React.ReactNode }) {
  return <NarrowPage>{children}</NarrowPage>;
}
