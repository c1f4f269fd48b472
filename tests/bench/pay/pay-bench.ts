import { spawn } from 'node:child_process';
import { prepareDatabase } from '../../../scripts/lib/database';
import { findFreePort } from '../../../scripts/lib/postgres';
import { shutdown } from '../../../scripts/lib/processes';

type Figures = {
  writers: number;
  transfers: number;
  perSecond: number;
  p50: number;
  p99: number;
  balanceSmall: { entries: number; micros: number };
  balanceLarge: { entries: number; micros: number };
};

/**
 * Transfers through the ledger with 50 concurrent writers (throughput, p50/p99 latency of one
 * transfer), and the cost of reading a balance before and after its account has a million
 * entries. Runs on a fresh embedded database in .bench-data/.
 */
export async function payBench(): Promise<void> {
  const database = await prepareDatabase({ dataDir: '.bench-data/postgres', preferredPort: await findFreePort(), database: 'plaza_bench', fresh: true, log: () => {} });
  // The embedded database is stopped however the measuring ends.
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/bench/pay/pay-bench-child.ts'], {
      env: { ...process.env, DATABASE_URL: database.url, DATABASE_POOL_SIZE: '60' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`pay bench exited with ${code}`))));
  }).finally(shutdown);
  const figures = JSON.parse(output.trim().split('\n').at(-1)!) as Figures;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const us = (value: number) => `${value.toFixed(0)} µs`;
  console.log(`Pay: ${figures.transfers} transfers by ${figures.writers} concurrent writers (each: wallet → holding posting, transfer row, return job, notification, realtime event)`);
  console.log(`  transfers per second                      ${figures.perSecond.toFixed(0)}`);
  console.log(`  transfer latency p50 / p99                ${ms(figures.p50)} / ${ms(figures.p99)}`);
  console.log(`  balance read, ${String(figures.balanceSmall.entries).padStart(9)} entries on the account  ${us(figures.balanceSmall.micros)}`);
  console.log(`  balance read, ${String(figures.balanceLarge.entries).padStart(9)} entries on the account  ${us(figures.balanceLarge.micros)}  (cached balance: one indexed row, independent of entry count)`);
}
