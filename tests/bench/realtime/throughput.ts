import { benchChannel, benchEvent, withTimeout, type TickData } from './clients';
import { startFleet } from './fleet';
import { sdkFor } from './sdk';
import { startServerChild } from './server-child';
import { median } from './stats';

export interface ThroughputResult {
  triggerPerSecond: number;
  batchEventsPerSecond: number;
}

export interface ThroughputOptions {
  clients: number;
  concurrency: number;
  batchSize: number;
  warmupMs: number;
  /** Each API is measured this many times for `measureMs`, alternating; the median is kept. */
  rounds: number;
  measureMs: number;
}

/**
 * Events/s the HTTP API accepts through the SDK: `concurrency` callers each await their call and
 * immediately make the next, for a fixed time after a warm-up. Every event must then reach every
 * subscribed client, so the figure counts delivered events, not just answered requests. The two
 * APIs take turns, so a neighbour's burst on the shared machine does not hit only one of them.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const server = await startServerChild('plaza');
  const fleet = await startFleet(server.port, options.clients);
  const sdk = sdkFor(server.port, options.concurrency);
  const data: TickData = { seq: -1, pad: 'x'.repeat(100) };
  let sent = 0;

  const drive = async (call: () => Promise<unknown>, eventsPerCall: number, warmupMs: number) => {
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
    if (warmupMs > 0) await timed(warmupMs);
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
    const batch = Array.from({ length: options.batchSize }, () => ({ channel: benchChannel, name: benchEvent, data }));
    const single: number[] = [];
    const batched: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      const warmupMs = round === 0 ? options.warmupMs : 0;
      single.push(await drive(() => sdk.trigger(benchChannel, benchEvent, data), 1, warmupMs));
      batched.push(await drive(() => sdk.triggerBatch(batch), options.batchSize, warmupMs));
    }
    return { triggerPerSecond: median(single), batchEventsPerSecond: median(batched) };
  } finally {
    await fleet.close();
    await server.close();
  }
}
