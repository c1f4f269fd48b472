import { z } from 'zod';

/** What each kind of notification carries; ids only, the page fetches names. */
export const notificationKinds = [
  'friend.request',
  'friend.accepted',
  'follow.new',
  // Money: data carries `amount` (minor units) and `currency`.
  'money.received',
  'transfer.accepted',
  'transfer.returned',
  'redpacket.received',
  'topup.credited',
  // Feed: data carries `postId`; shown only while the recipient may still see the post.
  'post.liked',
  'post.commented',
  'comment.replied',
  'post.mentioned',
  'post.shared',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type NotificationDto = {
  id: string;
  kind: NotificationKind;
  actorId: string | null;
  data: Record<string, string>;
  read: boolean;
  createdAt: Date;
};

export const markReadSchema = z.object({
  ids: z.array(z.string().min(1).max(40)).min(1).max(200),
});
