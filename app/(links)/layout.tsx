import { NarrowPage } from '@/components/shell/narrow-page';

/** Pages opened from links in mail: usable signed in or out (a change of email is confirmed while signed in). */
export default function MailLinkLayout({ children }: { children: React.ReactNode }) {
  return <NarrowPage>{children}</NarrowPage>;
}
