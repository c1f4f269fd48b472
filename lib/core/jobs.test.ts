import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { moveClock, now, resetClock } from './clock';
import { db } from './db';
import { enqueue, registerJobHandler, runDueJobs, runNextJob } from './jobs';

const minute = 60 * 1000;
const children = new Set<ChildProcess>();
let serial = 0;
const marker = (label: string) => `${label}-${Date.now().toString(36)}-${(serial += 1)}`;

/** A separate worker process (tests/support/jobs-test-worker.ts), as `npm start` runs it. */
function startWorkerProcess(env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/jobs-test-worker.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Waits for a condition in the database itself, checking often; no fixed sleeps. */
async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function effects(mark: string): Promise<number> {
  const row = await db().rateLimitHit.findFirst({ where: { key: `jobtest:${mark}` }, select: { count: true } });
  return row?.count ?? 0;
}

const job = (id: string) => db().job.findUniqueOrThrow({ where: { id } });

afterEach(() => resetClock());

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await db().$disconnect();
});

describe('job queue', () => {
  it('a job survives its worker crashing mid-run: after the lease another worker runs it exactly once more', async () => {
    const crashing = marker('crash');
    const { id } = await enqueue('jobtest.effect', { marker: crashing, hangOnFirstRun: true });

    const first = startWorkerProcess();
    await waitFor(async () => (await effects(crashing)) === 1 && (await job(id)).status === 'RUNNING', 'the first run to start');
    first.kill('SIGKILL');
    await exited(first);
    expect(await job(id)).toMatchObject({ status: 'RUNNING', attempts: 1 });

    // Within the lease nobody takes it: the first worker might still be working on it.
    expect(await runNextJob({ kinds: ['jobtest.effect'] })).toBe(false);

    // Enqueued while no worker runs: the next worker process picks it up too.
    const waiting = marker('waiting');
    const queued = await enqueue('jobtest.effect', { marker: waiting });

    const second = startWorkerProcess({ JOBS_TEST_CLOCK_OFFSET_MS: String(6 * minute) });
    await waitFor(async () => (await job(id)).status === 'DONE' && (await job(queued.id)).status === 'DONE', 'the second worker to finish both jobs');
    expect(await effects(crashing)).toBe(2);
    expect(await effects(waiting)).toBe(1);
    expect(await job(id)).toMatchObject({ attempts: 2, lockedAt: null });

    // SIGTERM: the worker stops cleanly.
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
    expect(await effects(crashing)).toBe(2);
  });

  it('a failing job is retried with growing delays and ends FAILED with its last error', async () => {
    let calls = 0;
    registerJobHandler('jobtest.fail', async (_payload, run) => {
      calls += 1;
      throw new Error(`mail server said no (attempt ${run.attempts})`);
    });
    const { id } = await enqueue('jobtest.fail', {}, { maxAttempts: 4 });
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await runDueJobs({ kinds: ['jobtest.fail'] })).toBe(1);
      const row = await job(id);
      expect(row.attempts).toBe(attempt);
      if (attempt === 4) break;
      expect(row.status).toBe('PENDING');
      const gap = row.runAt.getTime() - now().getTime();
      gaps.push(gap);
      // Not due before its time…
      expect(await runDueJobs({ kinds: ['jobtest.fail'] })).toBe(0);
      // …and due after it.
      moveClock(gap + 10);
    }
    expect(gaps[0]).toBeGreaterThanOrEqual(15_000);
    expect(gaps[1]!).toBeGreaterThan(gaps[0]! * 1.5);
    expect(gaps[2]!).toBeGreaterThan(gaps[1]! * 1.5);
    expect(await job(id)).toMatchObject({ status: 'FAILED', lastError: 'mail server said no (attempt 4)' });
    expect((await job(id)).finishedAt).not.toBeNull();
    // Failed for good: never run again.
    moveClock(24 * 60 * minute);
    expect(await runDueJobs({ kinds: ['jobtest.fail'] })).toBe(0);
    expect(calls).toBe(4);
  });

  it('two worker processes never run the same job', async () => {
    const marks = Array.from({ length: 40 }, () => marker('race'));
    const ids: string[] = [];
    for (const mark of marks) ids.push((await enqueue('jobtest.count', { marker: mark })).id);
    const workers = [startWorkerProcess(), startWorkerProcess()];
    await waitFor(async () => (await db().job.count({ where: { id: { in: ids }, status: 'DONE' } })) === ids.length, 'all jobs to finish');
    const counts = await Promise.all(marks.map(effects));
    expect(counts).toEqual(marks.map(() => 1));
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(workers.map(exited));
  });

  it('claims in parallel inside one process take each job once as well', async () => {
    const ran: string[] = [];
    registerJobHandler('jobtest.parallel', async (_payload, run) => {
      ran.push(run.id);
    });
    const ids: string[] = [];
    for (let index = 0; index < 30; index += 1) ids.push((await enqueue('jobtest.parallel', { index })).id);
    await Promise.all(Array.from({ length: 5 }, (_, index) => runDueJobs({ kinds: ['jobtest.parallel'], workerId: `parallel-${index}` })));
    expect(ran.sort()).toEqual([...ids].sort());
  });

  it('a job is scheduled only when the change that asked for it commits, and a dedupe key schedules once', async () => {
    const key = marker('dedupe');
    await expect(
      db().$transaction(async (tx) => {
        await enqueue('jobtest.count', { marker: key }, { dedupeKey: key }, tx);
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(await db().job.count({ where: { dedupeKey: key } })).toBe(0);

    const first = await db().$transaction((tx) => enqueue('jobtest.count', { marker: key }, { dedupeKey: key }, tx));
    const again = await enqueue('jobtest.count', { marker: key }, { dedupeKey: key });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await db().job.count({ where: { dedupeKey: key } })).toBe(1);

    const later = await enqueue('jobtest.later', {}, { runAt: new Date(now().getTime() + 10 * minute) });
    registerJobHandler('jobtest.later', async () => {});
    expect(await runDueJobs({ kinds: ['jobtest.later'] })).toBe(0);
    moveClock(11 * minute);
    expect(await runDueJobs({ kinds: ['jobtest.later'] })).toBe(1);
    expect(await job(later.id)).toMatchObject({ status: 'DONE' });
  });
});
