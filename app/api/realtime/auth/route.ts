import { mayListenOnUserChannel } from '@/lib/account';
import { AppError } from '@/lib/core/errors';
import { getViewer } from '@/lib/core/session';
import { mayListenOnChatChannel } from '@/lib/chat';
import { mayListenOnPostChannel } from '@/lib/feed';
import { authorizeSocket, type ChannelPolicy } from '@/lib/realtime';

/**
 * Channel authorization and user sign-in for pusher-js. Each channel scope is answered by the
 * policy of the domain that owns it; a scope without a policy is refused.
 */
const policies: Record<string, ChannelPolicy> = {
  user: mayListenOnUserChannel,
  post: mayListenOnPostChannel,
  chat: mayListenOnChatChannel,
};

export async function POST(request: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: 'Sign in first' }, { status: 403 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: 'Send socket_id and channel_name as a form' }, { status: 400 });
  }
  try {
    const input = { socket_id: form.get('socket_id') ?? undefined, channel_name: form.get('channel_name') ?? undefined };
    return Response.json(await authorizeSocket(viewer, input, policies));
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: error.code }, { status: error.code === 'INVALID' ? 400 : 403 });
    throw error;
  }
}
