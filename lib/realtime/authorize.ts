import 'server-only';
import { z } from 'zod';
import { AppError, forbidden } from '@/lib/core/errors';
import type { Viewer } from '@/lib/core/session';
import { parseChannel, type ChannelAddress } from './channels';
import { pusherSdk } from './sdk';

/** A domain's answer to "may this viewer listen on this channel of mine?" */
export type ChannelPolicy = (viewer: Viewer, channel: ChannelAddress) => Promise<boolean> | boolean;

/** What pusher-js posts: a socket id, and a channel name unless it is signing the user in. */
export const socketAuthSchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/),
  channel_name: z.string().min(1).max(164).optional(),
});
export type SocketAuthRequest = z.infer<typeof socketAuthSchema>;

export type SocketAuthResponse = { auth: string; channel_data?: string; user_data?: string };

/**
 * Signs a socket into a channel only when the channel's own domain says the viewer may join
 * (DESIGN.md rule 1: the same policy the services use). Without a channel name this is user
 * sign-in, which ties the socket to the viewer's id for `#server-to-user-` messages.
 */
export async function authorizeSocket(viewer: Viewer, input: unknown, policies: Record<string, ChannelPolicy>): Promise<SocketAuthResponse> {
  const parsed = socketAuthSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'checkFields');
  const { socket_id: socketId, channel_name: name } = parsed.data;
  const sdk = pusherSdk();
  const member = { user_id: viewer.id, user_info: { handle: viewer.handle } };
  if (name === undefined) return sdk.authenticateUser(socketId, { id: viewer.id, user_info: member.user_info });

  const channel = parseChannel(name);
  // Own keys only: on a plain object `constructor` and the like are inherited functions, and a
  // scope named after one would be "allowed" by whatever that function happens to return.
  const policy = channel && Object.hasOwn(policies, channel.scope) ? policies[channel.scope] : undefined;
  if (!channel || !policy || !(await policy(viewer, channel))) throw forbidden();
  return sdk.authorizeChannel(socketId, name, channel.access === 'presence' ? member : undefined);
}
