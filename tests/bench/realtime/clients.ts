import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Pusher from 'pusher-js';
import { benchChannel, benchCredentials } from './credentials';

export { benchChannel };
export const benchEvent = 'tick';

/**
 * Each event carries its sequence number, so a late delivery is never counted for the next one;
 * a negative one is only counted (the throughput bench sends thousands).
 */
export type TickData = { seq: number; pad?: string };

/**
 * What the clients listen to. A private channel is authorized by signing in the client with the
 * app secret, as /api/realtime/auth would once its policy said yes: the benchmarks measure
 * delivery, not the auth endpoint.
 */
export type ListenTarget = { channel: string; event: string };
export const benchTarget: ListenTarget = { channel: benchChannel, event: benchEvent };

function signChannel(socketId: string, channel: string): string {
  const { key, secret } = benchCredentials();
  const signature = createHmac('sha256', secret).update(`${socketId}:${channel}`).digest('hex');
  return `${key}:${signature}`;
}

export interface ClientPool {
  size: number;
  /**
   * Each client's receipt time (performance.now()) of event `seq`, once all have it. Receipts are
   * kept from the moment they arrive, so asking after the trigger loses none.
   */
  receipts(seq: number, timeoutMs?: number): Promise<number[]>;
  /** Counts every receipt of any event; the throughput bench waits on this. */
  received(): number;
  disconnect(): void;
}

const connectTimeoutMs = 60_000;
// Opening all at once makes 1,000 simultaneous handshakes; waves keep the backlog sane.
const connectWave = 100;

/** A failure guard: rejects if `promise` has not settled in time. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function connectOne(port: number, target: ListenTarget, onTick: (data: TickData) => void): Promise<Pusher> {
  const client = new Pusher(benchCredentials().key, {
    cluster: 'local',
    wsHost: '127.0.0.1',
    wsPort: port,
    forceTLS: false,
    enabledTransports: ['ws'],
    disableStats: true,
    channelAuthorization: {
      endpoint: '',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) => callback(null, { auth: signChannel(socketId, channelName) }),
    },
  });
  const channel = client.subscribe(target.channel);
  channel.bind(target.event, onTick);
  return new Promise((resolve, reject) => {
    channel.bind('pusher:subscription_succeeded', () => resolve(client));
    channel.bind('pusher:subscription_error', (error: unknown) => reject(new Error(`subscription refused: ${JSON.stringify(error)}`)));
    client.connection.bind('failed', () => reject(new Error('pusher-js could not connect')));
  });
}

/** `count` pusher-js clients, each subscribed to the target channel, recording receipt times. */
export async function connectClients(port: number, count: number, target: ListenTarget = benchTarget): Promise<ClientPool> {
  const bySeq = new Map<number, number[]>();
  const complete = new Map<number, () => void>();
  let total = 0;
  const onTick = (data: TickData) => {
    const now = performance.now();
    total += 1;
    if (data.seq < 0) return;
    let times = bySeq.get(data.seq);
    if (!times) bySeq.set(data.seq, (times = []));
    times.push(now);
    if (times.length === count) complete.get(data.seq)?.();
  };

  const clients: Pusher[] = [];
  const connectAll = async () => {
    for (let start = 0; start < count; start += connectWave) {
      const wave = Array.from({ length: Math.min(connectWave, count - start) }, () => connectOne(port, target, onTick));
      clients.push(...(await Promise.all(wave)));
    }
  };
  await withTimeout(connectAll(), connectTimeoutMs, () => `${clients.length} of ${count} clients connected within ${connectTimeoutMs} ms`);

  return {
    size: count,
    received: () => total,
    receipts(seq, timeoutMs = 10_000) {
      const all = new Promise<void>((resolve) => {
        if (bySeq.get(seq)?.length === count) resolve();
        else complete.set(seq, resolve);
      });
      return withTimeout(all, timeoutMs, () => `event ${seq} reached only ${bySeq.get(seq)?.length ?? 0} of ${count} clients within ${timeoutMs} ms`).then(() => {
        const times = bySeq.get(seq)!;
        bySeq.delete(seq);
        complete.delete(seq);
        return times;
      });
    },
    disconnect() {
      for (const client of clients) client.disconnect();
    },
  };
}
