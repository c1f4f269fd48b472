import 'server-only';

/** The notify domain's public API: any domain sends; people read their own. */
export { send, listMyNotifications, countMyUnread, markMyNotificationsRead } from './service';
export type { NotificationDto, NotificationKind } from './schemas';
