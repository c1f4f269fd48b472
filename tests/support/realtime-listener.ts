import Pusher from 'pusher';
import PusherJs from 'pusher-js';

/**
 * A real pusher-js client for service tests: listens on channels of the realtime server the
 * test run started (PUSHER_* from the environment), signing private channels itself with the
 * app secret, as the app's auth route would.
 */
export interface Listener {
  /** Resolves with the first `event` payload on `channel` that matches, received from now on or already. */
  next<T = unknown>(channel: string, event: string, match?: (payload: T) => boolean): Promise<T>;
  /** Payloads of `event` on `channel` received so far. */
  seen<T = unknown>(channel: string, event: string): T[];
  subscribe(channel: string): Promise<void>;
  close(): void;
}

/** The realtime server the run started has no default secret; the test runner hands its own in. */
function requiredSecret(): string {
  const secret = process.env.PUSHER_SECRET;
  if (!secret) throw new Error('PUSHER_SECRET is not set: run the tests with `npm test`, which starts the realtime server with one');
  return secret;
}

const settings = () => ({
  appId: process.env.PUSHER_APP_ID ?? 'plaza',
  key: process.env.PUSHER_KEY ?? 'plaza-key',
  secret: requiredSecret(),
  host: process.env.PUSHER_HOST ?? '127.0.0.1',
  port: Number(process.env.PUSHER_PORT ?? 6001),
});

/** How many sockets the realtime server has on `channel` right now. */
export async function subscriptionCount(channel: string): Promise<number> {
  const response = await sdk().get({ path: `/channels/${channel}`, params: { info: 'subscription_count' } });
  return ((await response.json()) as { subscription_count?: number }).subscription_count ?? 0;
}

export function sdk(): Pusher {
  const s = settings();
  return new Pusher({ appId: s.appId, key: s.key, secret: s.secret, host: s.host, port: String(s.port), useTLS: false });
}

/**
 * `mayJoin` plays the app's auth route: a channel it refuses is not signed, so the client gets a
 * subscription error (after a reconnect, too).
 */
export function listen(options: { mayJoin?: (channel: string) => boolean | Promise<boolean> } = {}): Listener {
  const s = settings();
  const signer = sdk();
  const client = new PusherJs(s.key, {
    cluster: '',
    wsHost: s.host,
    wsPort: s.port,
    forceTLS: false,
    enabledTransports: ['ws'],
    channelAuthorization: {
      endpoint: '',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) =>
        void Promise.resolve(options.mayJoin?.(channelName) ?? true).then((mayJoin) =>
          mayJoin ? callback(null, signer.authorizeChannel(socketId, channelName)) : callback(new Error(`refused ${channelName}`), null),
        ),
    },
  });
  const seen = new Map<string, unknown[]>();
  const waiters = new Set<{ key: string; match: (payload: unknown) => boolean; resolve: (payload: unknown) => void }>();

  const subscribe = (channel: string) =>
    new Promise<void>((resolve, reject) => {
      if (client.channel(channel)?.subscribed) return resolve();
      const subscription = client.subscribe(channel);
      subscription.bind('pusher:subscription_succeeded', () => resolve());
      subscription.bind('pusher:subscription_error', (error: unknown) => reject(new Error(`subscription to ${channel} failed: ${JSON.stringify(error)}`)));
      subscription.bind_global((event: string, payload: unknown) => {
        if (event.startsWith('pusher')) return;
        const key = `${channel}|${event}`;
        seen.set(key, [...(seen.get(key) ?? []), payload]);
        for (const waiter of [...waiters]) {
          if (waiter.key === key && waiter.match(payload)) {
            waiters.delete(waiter);
            waiter.resolve(payload);
          }
        }
      });
    });

  return {
    subscribe,
    async next<T>(channel: string, event: string, match: (payload: T) => boolean = () => true) {
      await subscribe(channel);
      const key = `${channel}|${event}`;
      const earlier = (seen.get(key) ?? []).find((payload) => match(payload as T));
      if (earlier !== undefined) return earlier as T;
      return new Promise<T>((resolve) => waiters.add({ key, match: match as (payload: unknown) => boolean, resolve: resolve as (payload: unknown) => void }));
    },
    seen: <T>(channel: string, event: string) => (seen.get(`${channel}|${event}`) ?? []) as T[],
    close: () => client.disconnect(),
  };
}
