'use client';
import { useTranslations } from 'next-intl';
import type { SystemEvent } from '@/lib/chat/client';

/**
 * System messages are stored as events (who did what) and put into words by each reader's
 * browser, in their own language. `names` maps ids to names where the page knows them.
 */
export function useSystemText() {
  const t = useTranslations('chat.system');
  return (event: SystemEvent, names: Record<string, string>) => {
    const name = (id: string) => names[id] ?? t('someone');
    const list = (ids: string[]) => ids.map(name).join(', ');
    switch (event.event) {
      case 'created':
        return t('created', { actor: name(event.actorId) });
      case 'joined':
        return t('joined', { actor: name(event.actorId), members: list(event.memberIds) });
      case 'removed':
        return t('removed', { actor: name(event.actorId), members: list(event.memberIds) });
      case 'left':
        return t('left', { actor: name(event.actorId) });
      case 'renamed':
        return t('renamed', { actor: name(event.actorId), title: event.title });
      case 'avatar':
        return t('avatar', { actor: name(event.actorId) });
    }
  };
}
