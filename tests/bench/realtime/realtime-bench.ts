/**
 * The realtime benchmark (`npm run bench -- realtime`): fan-out of one event to 1,000 pusher-js
 * clients against Plaza's server and against a bare `ws` loop (the floor), memory per 1,000
 * connections, and HTTP API throughput through the `pusher` SDK. Saturates both cores: run it
 * under `flock /tmp/plaza-heavy.lock`.
 *
 * Where the clients run, decided by measuring: 1,000 pusher-js clients in the bench process
 * spend 26–33 ms of CPU receiving one event, while the floor's send loop takes 11–17 ms, so a
 * single client process is the bottleneck and both servers measure alike (the ratio says little).
 * Split over two child processes, the receiving runs on both cores as the server sends, and the
 * p99 of either server dropped from 37–60 ms to 27–35 ms on this machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fanoutRun, type FanoutOptions, type FanoutRun } from './fanout';
import { median } from './stats';
import { measureThroughput, type ThroughputOptions } from './throughput';

const fanout: FanoutOptions = { clients: 1000, warmupEvents: 10, measuredEvents: 30, clientProcesses: 2 };
const runs = 5;
const throughput: ThroughputOptions = { clients: 5, concurrency: 16, batchSize: 10, warmupMs: 500, rounds: 5, measureMs: 1000 };
const targets = { p99Ms: 40, ratio: 1.3, rssMb: 30 };

/**
 * Each side holds 1,000 sockets: the server child 1,000, each client child 500, plus the files
 * Node itself opens. A soft limit of 1,024 would already be too tight for the server.
 */
function checkFileLimit(): void {
  const limit = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  if (limit !== 'unlimited' && Number(limit) < fanout.clients + 200) {
    throw new Error(`ulimit -n is ${limit}: the realtime bench needs ${fanout.clients + 200} file descriptors per process (raise it with ulimit -n 4096)`);
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const row = (cells: string[]) => `  ${cells[0]!.padEnd(52)}${cells.slice(1).map((cell) => cell.padStart(11)).join('')}`;

export async function realtimeBench(): Promise<void> {
  checkFileLimit();
  const profile = process.env.REALTIME_BENCH_CPU_PROFILE === '1' ? mkdtempSync(join(tmpdir(), 'realtime-bench-prof-')) : undefined;
  const started = performance.now();
  const plaza: FanoutRun[] = [];
  const floor: FanoutRun[] = [];
  for (let run = 0; run < runs; run += 1) {
    // Alternate who goes first, so neither always meets a machine the other just warmed up.
    const order = run % 2 === 0 ? (['plaza', 'floor'] as const) : (['floor', 'plaza'] as const);
    for (const kind of order) {
      const result = await fanoutRun(kind, { ...fanout, cpuProfileDir: kind === 'plaza' ? profile : undefined });
      (kind === 'plaza' ? plaza : floor).push(result);
    }
    const last = (list: FanoutRun[]) => list.at(-1)!;
    console.log(
      `  run ${run + 1}: plaza p50 ${ms(last(plaza).p50)} p99 ${ms(last(plaza).p99)} last ${ms(last(plaza).last)} rss +${mb(last(plaza).rssGrowthBytes)}` +
        ` | floor p50 ${ms(last(floor).p50)} p99 ${ms(last(floor).p99)} last ${ms(last(floor).last)} rss +${mb(last(floor).rssGrowthBytes)}`,
    );
  }
  const tput = await measureThroughput(throughput);

  const med = (list: FanoutRun[], pick: (run: FanoutRun) => number) => median(list.map(pick));
  const ratios = plaza.map((run, index) => run.p99 / floor[index]!.p99);
  const p99 = med(plaza, (run) => run.p99);
  const ratio = median(ratios);
  const rss = med(plaza, (run) => run.rssGrowthBytes);
  const met = (ok: boolean) => (ok ? 'yes' : 'NO');

  console.log(
    `\nRealtime: ${fanout.clients} pusher-js clients (in ${fanout.clientProcesses} child processes) on public channel \`bench\`, loopback, ` +
      `median of ${runs} runs; each run: ${fanout.warmupEvents} warm-up + ${fanout.measuredEvents} measured events, one at a time`,
  );
  console.log(row(['figure', 'plaza', 'floor', 'target', 'met']));
  console.log(row(['fan-out latency p50, per delivery', ms(med(plaza, (run) => run.p50)), ms(med(floor, (run) => run.p50)), '', '']));
  console.log(row(['fan-out latency p99, per delivery', ms(p99), ms(med(floor, (run) => run.p99)), `≤ ${targets.p99Ms} ms`, met(p99 <= targets.p99Ms)]));
  console.log(row(['time until the last client has it', ms(med(plaza, (run) => run.last)), ms(med(floor, (run) => run.last)), '', '']));
  console.log(row(['p99 plaza / p99 floor (median of per-run ratios)', ratio.toFixed(2), '', `≤ ${targets.ratio}`, met(ratio <= targets.ratio)]));
  console.log(row(['server RSS growth, 0 → 1,000 subscribed', mb(rss), mb(med(floor, (run) => run.rssGrowthBytes)), `≤ ${targets.rssMb} MB`, met(rss / 1024 / 1024 <= targets.rssMb)]));
  console.log(row([`trigger() events/s, ${throughput.concurrency} in flight, ${throughput.clients} clients*`, Math.round(tput.triggerPerSecond).toString(), '', '', '']));
  console.log(row([`triggerBatch() events/s, ${throughput.batchSize}/batch, ${throughput.concurrency} in flight`, Math.round(tput.batchEventsPerSecond).toString(), '', '', '']));
  console.log(`  * median of ${throughput.rounds} rounds of ${throughput.measureMs / 1000} s, each event delivered to all ${throughput.clients} subscribed clients`);
  console.log(`  (latency: just before trigger() → each client's 'tick' handler; ${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  if (profile) console.log(`  CPU profiles of the plaza server: ${profile}`);
}
