import { benchChannel, benchEvent, withTimeout, type TickData } from './clients';
import { startFleet } from './fleet';
import { sdkFor } from './sdk';
import { startServerChild } from './server-child';

export interface ThroughputResult {
  triggerPerSecond: number;
  batchEventsPerSecond: number;
}

export interface ThroughputOptions {
  clients: number;
  concurrency: number;
  batchSize: number;
  warmupMs: number;
  measureMs: number;
}

/**
 * Events/s the HTTP API accepts through the SDK: `concurrency` callers each await their call and
 * immediately make the next, for a fixed time after a warm-up. Every event must then reach every
 * subscribed client, so the figure counts delivered events, not just answered requests.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const server = await startServerChild('plaza');
  const fleet = await startFleet(server.port, options.clients);
  const sdk = sdkFor(server.port, options.concurrency);
  const data: TickData = { seq: -1, pad: 'x'.repeat(100) };
  let sent = 0;

  const drive = async (call: () => Promise<unknown>, eventsPerCall: number) => {
    const timed = async (ms: number) => {
      let calls = 0;
      const until = performance.now() + ms;
      await Promise.all(
        Array.from({ length: options.concurrency }, async () => {
          while (performance.now() < until) {
            await call();
            calls += 1;
          }
        }),
      );
      sent += calls * eventsPerCall;
      return calls;
    };
    await timed(options.warmupMs);
    const started = performance.now();
    const calls = await timed(options.measureMs);
    const rate = (calls * eventsPerCall) / ((performance.now() - started) / 1000);
    const expected = sent * options.clients;
    await withTimeout(
      (async () => {
        while ((await fleet.received()) < expected) await new Promise((resolve) => setImmediate(resolve));
      })(),
      10_000,
      () => `clients did not receive all ${expected} deliveries`,
    );
    return rate;
  };

  try {
    const triggerPerSecond = await drive(() => sdk.trigger(benchChannel, benchEvent, data), 1);
    const batch = Array.from({ length: options.batchSize }, () => ({ channel: benchChannel, name: benchEvent, data }));
    const batchEventsPerSecond = await drive(() => sdk.triggerBatch(batch), options.batchSize);
    return { triggerPerSecond, batchEventsPerSecond };
  } finally {
    await fleet.close();
    await server.close();
  }
}
