'use client';
import { useTranslations } from 'next-intl';
import type { ChatSummary } from '@/lib/chat/client';
import { useSystemText } from './system-text';

/** The one-line summary of a chat's last message, in the reader's language. */
export function ChatPreview({ message, group }: { message: NonNullable<ChatSummary['lastMessage']>; group: boolean }) {
  const t = useTranslations('chat');
  const systemText = useSystemText();
  const you = t('you');
  let text: string;
  if (message.recalled) text = t('recalledPreview');
  else if (message.system) return <>{systemText(message.system, Object.fromEntries(Object.entries(message.names).map(([id, name]) => [id, name || you])))}</>;
  else if (message.kind === 'TRANSFER') text = t('transferPreview');
  else if (message.kind === 'RED_PACKET') text = t('redPacketPreview');
  else if (message.kind === 'IMAGE' && !message.text) text = t('photoPreview');
  else if (message.kind === 'CARD' && !message.text) text = t('postPreview');
  else text = message.text;
  if (message.mine) return <>{t('youSaid', { text })}</>;
  return <>{group && message.senderName ? t('someoneSaid', { name: message.senderName, text }) : text}</>;
}
