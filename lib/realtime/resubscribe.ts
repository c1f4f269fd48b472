import type Pusher from 'pusher-js';
import type { Channel } from 'pusher-js';

/**
 * Sent by Plaza's realtime server on a channel just before it takes this connection off it
 * (lib/realtime/server/protocol.ts has the same name: the server process shares no code).
 */
export const subscriptionRevokedEvent = 'plaza:subscription_revoked';

/**
 * Subscribes `channel` again, with fresh authorization, whenever the server says its
 * subscription was revoked. The app's authorizer then decides: someone still allowed is back
 * at once (pusher:subscription_succeeded), someone removed gets pusher:subscription_error.
 * The same Channel object is reused, so every handler bound to it keeps working.
 * Returns the function that stops watching.
 */
export function resubscribeOnRevoke(pusher: Pusher, channel: Channel): () => void {
  const onRevoked = () => {
    // Released (or being released) meanwhile: nobody wants it back.
    if (pusher.channel(channel.name) !== channel || channel.subscriptionCancelled) return;
    // pusher-js skips subscribe() on a channel it believes subscribed; disconnect() only clears
    // that belief (and a presence channel's member list, refilled by the new subscription).
    channel.disconnect();
    // While disconnected, pusher-js subscribes every channel it holds when it reconnects.
    if (pusher.connection.state === 'connected') channel.subscribe();
  };
  channel.bind(subscriptionRevokedEvent, onRevoked);
  return () => channel.unbind(subscriptionRevokedEvent, onRevoked);
}
