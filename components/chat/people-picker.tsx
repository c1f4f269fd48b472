'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import type { ChatPerson } from '@/lib/chat/client';

/** A filterable list of friends with checkboxes (new chats and adding group members). */
export function PeoplePicker({ people, chosen, onChange, legend }: { people: ChatPerson[]; chosen: string[]; onChange: (ids: string[]) => void; legend: string }) {
  const t = useTranslations('chat');
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown = needle ? people.filter((person) => person.name.toLowerCase().includes(needle) || person.handle.includes(needle)) : people;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <input
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-label={t('filterFriends')}
        placeholder={t('filterFriends')}
        className="min-h-11 rounded-xl border border-line bg-surface px-3 text-base"
      />
      {people.length === 0 && <p className="text-fg-muted">{t('noFriendsToAdd')}</p>}
      <ul className="flex max-h-[50vh] flex-col overflow-y-auto">
        {shown.map((person) => {
          const checked = chosen.includes(person.id);
          return (
            <li key={person.id}>
              <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-xl px-2 hover:bg-surface-2">
                <input
                  type="checkbox"
                  className="size-5 accent-brand"
                  checked={checked}
                  onChange={() => onChange(checked ? chosen.filter((id) => id !== person.id) : [...chosen, person.id])}
                />
                <Avatar name={person.name} handle={person.handle} avatarId={person.avatarId} size={36} alt="" />
                <span className="flex flex-col">
                  <span className="font-medium">{person.name}</span>
                  <span className="text-xs text-fg-muted">@{person.handle}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
