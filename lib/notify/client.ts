/** What browser code may use from notify: the realtime event names and payload schemas. */
export { notifyEvents, notificationCreatedSchema, notificationsReadSchema } from './events';
