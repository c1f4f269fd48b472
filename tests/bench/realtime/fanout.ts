import { benchChannel, benchEvent, type TickData } from './clients';
import { now, startFleet } from './fleet';
import { sdkFor } from './sdk';
import { startServerChild } from './server-child';
import type { ServerKind } from './server-process';
import { median, percentile } from './stats';

export interface FanoutRun {
  kind: ServerKind;
  /** Per delivery, over every client and every measured event: trigger() call → receipt. */
  p50: number;
  p99: number;
  /** Median over the measured events of the time until the last client had it. */
  last: number;
  /** Server RSS with the clients subscribed and warmed up minus before any connected, both after a full GC. */
  rssGrowthBytes: number;
}

export interface FanoutOptions {
  clients: number;
  warmupEvents: number;
  measuredEvents: number;
  clientProcesses: number;
  cpuProfileDir?: string;
}

/**
 * One run against a fresh server child: connect and subscribe the clients, send warm-up events
 * (JIT, buffers), then measured events one at a time, each only after every client had the last.
 */
export async function fanoutRun(kind: ServerKind, options: FanoutOptions): Promise<FanoutRun> {
  const server = await startServerChild(kind, options.cpuProfileDir);
  try {
    const before = await server.memory();
    const fleet = await startFleet(server.port, options.clients, options.clientProcesses);
    const connected = await server.connections();
    if (connected !== options.clients) throw new Error(`${kind} server holds ${connected} connections, expected ${options.clients}`);
    const sdk = sdkFor(server.port);

    const send = async (seq: number) => {
      const data: TickData = { seq, pad: 'x'.repeat(100) };
      const triggeredAt = now();
      await sdk.trigger(benchChannel, benchEvent, data);
      return (await fleet.receipts(seq)).map((time) => time - triggeredAt);
    };

    // Memory is read halfway through the warm-up, so it includes the buffers a socket keeps once
    // it has sent. The full collections it and the clients' GC make leave cold code and a shrunk
    // heap behind (the next two events took 3–4× as long), so the rest of the warm-up follows.
    const half = Math.floor(options.warmupEvents / 2);
    for (let seq = 0; seq < half; seq += 1) await send(seq);
    const after = await server.memory();
    await fleet.collectGarbage();
    for (let seq = half; seq < options.warmupEvents; seq += 1) await send(seq);

    const latencies: number[] = [];
    const lasts: number[] = [];
    for (let seq = options.warmupEvents; seq < options.warmupEvents + options.measuredEvents; seq += 1) {
      const event = await send(seq);
      latencies.push(...event);
      lasts.push(Math.max(...event));
    }
    await fleet.close();
    return { kind, p50: percentile(latencies, 50), p99: percentile(latencies, 99), last: median(lasts), rssGrowthBytes: after.rss - before.rss };
  } finally {
    await server.close();
  }
}
