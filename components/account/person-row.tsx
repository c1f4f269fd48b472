import Link from 'next/link';
import type { PersonStatus, PersonSummary } from '@/lib/account';
import { OnlineDot } from '@/components/account/presence-status';
import { Avatar } from '@/components/ui/avatar';

/** One person in a list: picture, name and handle, linking to their profile; actions on the right. */
export function PersonRow({ person, detail, status, children }: { person: PersonSummary; detail?: string; status?: PersonStatus; children?: React.ReactNode }) {
  return (
    <li className="flex items-center gap-3 py-2">
      <Link href={`/u/${person.handle}`} className="flex min-w-0 flex-1 items-center gap-3 rounded-xl focus-visible:outline-2 focus-visible:outline-brand">
        <Avatar name={person.name} handle={person.handle} avatarId={person.avatarId} size={40} alt="" />
        <span className="min-w-0">
          <span className="flex items-center gap-1.5 font-medium">
            <span className="truncate">{person.name}</span>
            {status && <OnlineDot initial={status} />}
          </span>
          <span className="block truncate text-sm text-fg-muted">
            @{person.handle}
            {detail ? ` · ${detail}` : ''}
          </span>
        </span>
      </Link>
      {children && <span className="flex shrink-0 gap-2">{children}</span>}
    </li>
  );
}
