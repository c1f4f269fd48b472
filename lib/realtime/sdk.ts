import 'server-only';
import Pusher from 'pusher';
import { env } from '@/lib/core/env';

let client: Pusher | undefined;

/** The `pusher` SDK, pointed at the embedded server, Soketi or Pusher Channels by env alone. */
export function pusherSdk(): Pusher {
  if (client) return client;
  const config = env();
  client = new Pusher({
    appId: config.PUSHER_APP_ID,
    key: config.PUSHER_KEY,
    secret: config.PUSHER_SECRET,
    useTLS: config.PUSHER_USE_TLS,
    // Hosted Pusher is addressed by cluster; the embedded server and Soketi by host and port.
    ...(config.PUSHER_CLUSTER ? { cluster: config.PUSHER_CLUSTER } : { host: config.PUSHER_HOST, port: String(config.PUSHER_PORT) }),
    timeout: 5000,
  });
  return client;
}
