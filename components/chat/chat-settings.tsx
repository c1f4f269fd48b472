'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { ImageUpload } from '@/components/media/image-upload';
import { addMembersAction, leaveGroupAction, removeMemberAction, renameGroupAction, setGroupAvatarAction, setPreferenceAction } from '@/lib/chat/actions';
import { maxGroupTitle, type ChatPerson, type ConversationDto } from '@/lib/chat/client';
import { PeoplePicker } from './people-picker';

type Result = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

/** Runs an action and refreshes the page, keeping the refusal in words beside the control. */
function useRun() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<Result>, after?: () => void) =>
    startTransition(async () => {
      setError(null);
      const result = await work();
      if (!result.ok) return setError(Object.values(result.fieldErrors)[0] ?? result.message);
      if (after) after();
      else router.refresh();
    });
  return { error, pending, run };
}

/** Mute, pin and archive: each person's own settings for a chat. */
export function ChatPreferences({ conversation }: { conversation: ConversationDto }) {
  const t = useTranslations('chat');
  const hydrated = useHydrated();
  const { error, run } = useRun();
  const settings = [
    { setting: 'muted', on: conversation.muted, label: t('mute'), hint: t('muteHint') },
    { setting: 'pinned', on: conversation.pinned, label: t('pin'), hint: t('pinHint') },
    { setting: 'archived', on: conversation.archived, label: t('archive'), hint: t('archiveHint') },
  ] as const;
  return (
    <section className="flex flex-col gap-1" aria-label={t('chatSettings')}>
      {settings.map((item) => (
        <label key={item.setting} className="flex min-h-12 items-center gap-3 rounded-xl px-2 hover:bg-surface-2">
          <input
            type="checkbox"
            role="switch"
            className="size-5 accent-brand"
            checked={item.on}
            disabled={!hydrated}
            onChange={(event) => run(() => setPreferenceAction({ conversationId: conversation.id, setting: item.setting, on: event.target.checked }))}
          />
          <span className="flex flex-col">
            <span className="font-medium">{item.label}</span>
            <span className="text-xs text-fg-muted">{item.hint}</span>
          </span>
        </label>
      ))}
      {error && <p role="alert" className="text-sm text-danger">{error}</p>}
    </section>
  );
}

/** A group's name, members (admins add and remove), and leaving. */
export function GroupSettings({ conversation, friends, viewerId, maxBytes }: { conversation: ConversationDto; friends: ChatPerson[]; viewerId: string; maxBytes: number }) {
  const t = useTranslations('chat');
  const router = useRouter();
  const admin = conversation.myRole === 'ADMIN';
  const [title, setTitle] = useState(conversation.title);
  const [adding, setAdding] = useState<string[]>([]);
  const rename = useRun();
  const members = useRun();
  const leave = useRun();
  const memberIds = new Set(conversation.members.map((member) => member.id));
  const addable = friends.filter((friend) => !memberIds.has(friend.id));

  return (
    <div className="flex flex-col gap-6">
      {admin && (
        <ImageUpload
          purpose="avatar"
          label={t('groupPicture')}
          maxBytes={maxBytes}
          onUploaded={async (image) => {
            const result = await setGroupAvatarAction({ conversationId: conversation.id, avatarId: image.id });
            if (!result.ok) return result.message;
            router.refresh();
            return null;
          }}
        />
      )}
      {admin && (
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            rename.run(() => renameGroupAction({ conversationId: conversation.id, title }));
          }}
        >
          <div className="flex-1">
            <TextField label={t('groupName')} value={title} maxLength={maxGroupTitle} onChange={(event) => setTitle(event.target.value)} error={rename.error ?? undefined} />
          </div>
          <Button type="submit" pending={rename.pending}>
            {t('save')}
          </Button>
        </form>
      )}
      <section className="flex flex-col gap-2" aria-labelledby="members-title">
        <h2 id="members-title" className="font-semibold">
          {t('memberCount', { count: conversation.memberCount })}
        </h2>
        <ul className="flex flex-col">
          {conversation.members.map((member) => (
            <li key={member.id} className="flex min-h-12 items-center gap-3 px-2">
              <Avatar name={member.name} handle={member.handle} avatarId={member.avatarId} size={36} alt="" />
              <span className="flex-1">
                {member.name}
                {member.role === 'ADMIN' && <span className="ml-2 rounded-full bg-surface-2 px-2 py-0.5 text-xs">{t('admin')}</span>}
              </span>
              {admin && member.id !== viewerId && (
                <Button type="button" variant="danger" pending={members.pending} onClick={() => members.run(() => removeMemberAction({ conversationId: conversation.id, memberId: member.id }))} aria-label={t('removeMember', { name: member.name })}>
                  {t('remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {members.error && <p role="alert" className="text-sm text-danger">{members.error}</p>}
      </section>
      {admin && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            members.run(
              () => addMembersAction({ conversationId: conversation.id, memberIds: adding }),
              () => {
                setAdding([]);
                router.refresh();
              },
            );
          }}
        >
          <PeoplePicker people={addable} chosen={adding} onChange={setAdding} legend={t('addMembers')} />
          <Button type="submit" pending={members.pending} disabled={adding.length === 0}>
            {t('addCount', { count: adding.length })}
          </Button>
        </form>
      )}
      <div>
        <Button
          type="button"
          variant="danger"
          pending={leave.pending}
          onClick={() => {
            if (window.confirm(t('leaveConfirm'))) leave.run(() => leaveGroupAction({ conversationId: conversation.id }), () => router.push('/chats'));
          }}
        >
          {t('leaveGroup')}
        </Button>
        {leave.error && <p role="alert" className="text-sm text-danger">{leave.error}</p>}
      </div>
    </div>
  );
}
