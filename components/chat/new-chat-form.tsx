'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { createGroupAction, startDirectAction } from '@/lib/chat/actions';
import { maxGroupTitle, type ChatPerson } from '@/lib/chat/client';
import { PeoplePicker } from './people-picker';

/** One friend ticked opens your chat with them; two or more make a group. */
export function NewChatForm({ friends }: { friends: ChatPerson[] }) {
  const t = useTranslations('chat');
  const router = useRouter();
  const hydrated = useHydrated();
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const group = chosen.length >= 2;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = group ? await createGroupAction({ title, memberIds: chosen }) : await startDirectAction({ personId: chosen[0] ?? '' });
      if (result.ok) router.push(`/chats/${result.data.conversationId}`);
      else setError(Object.values(result.fieldErrors)[0] ?? result.message);
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <PeoplePicker people={friends} chosen={chosen} onChange={setChosen} legend={t('chooseFriends')} />
      {group && <TextField label={t('groupName')} hint={t('groupNameHint')} value={title} maxLength={maxGroupTitle} onChange={(event) => setTitle(event.target.value)} />}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <Button type="submit" pending={pending} disabled={!hydrated || chosen.length === 0}>
        {group ? t('createGroup', { count: chosen.length + 1 }) : t('startChat')}
      </Button>
    </form>
  );
}
