import 'server-only';

/** The realtime domain's server API: publish after commit, revoke, authorize sockets, read webhooks. */
export { publish, publishToEach, publishToOpenUserChannels, realtimeClientSettings, occupiedUserChannels, revokeChannel } from './publish';
export { authorizeSocket, type ChannelPolicy, type SocketAuthRequest } from './authorize';
export { readWebhook, type RealtimeWebhookEvent } from './webhooks';
export { channelName, userChannel, parseChannel } from './channels';
export type { RealtimeClientSettings } from './settings';
