/**
 * A job worker process for lib/core/jobs.test.ts, with handlers that leave a countable effect
 * in the database. JOBS_TEST_CLOCK_OFFSET_MS moves this process's clock (a later worker "after"
 * the lease), JOBS_TEST_LEASE_MS sets the lease.
 */
import { moveClock } from '@/lib/core/clock';
import { db } from '@/lib/core/db';
import { registerJobHandler, startWorker } from '@/lib/core/jobs';

moveClock(Number(process.env.JOBS_TEST_CLOCK_OFFSET_MS ?? 0));

/** Counts one run of the job marked `marker`; the count survives this process. */
export async function countEffect(marker: string): Promise<number> {
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitHit" ("key", "windowStart", "count") VALUES (${`jobtest:${marker}`}, ${new Date(0)}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1
    RETURNING "count"`;
  return rows[0]!.count;
}

registerJobHandler('jobtest.effect', async (payload) => {
  const { marker, hangOnFirstRun } = payload as { marker: string; hangOnFirstRun?: boolean };
  const runs = await countEffect(marker);
  // Stands in for a job that is mid-way when its worker dies.
  if (hangOnFirstRun && runs === 1) await new Promise(() => {});
});

registerJobHandler('jobtest.count', async (payload) => {
  await countEffect((payload as { marker: string }).marker);
});

const worker = startWorker({ kinds: ['jobtest.effect', 'jobtest.count'], pollMs: 100, leaseMs: Number(process.env.JOBS_TEST_LEASE_MS ?? 5 * 60 * 1000) });
console.log(`worker ${worker.id} ready`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void worker.stop().then(() => process.exit(0));
  });
}
