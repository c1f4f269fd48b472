import 'server-only';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import { now } from './clock';
import { db, Prisma } from './db';
import { env } from './env';

/**
 * Background work as rows in the Job table (DESIGN.md rule 7), so it survives restarts.
 *
 * - `enqueue` inside a caller's transaction: the job exists exactly when the caller's change
 *   commits. A dedupeKey schedules a job once, however often it is asked for.
 * - Workers claim due jobs with `FOR UPDATE SKIP LOCKED`, so two workers never take the same
 *   one. A claim marks the job RUNNING with a lease; a job still RUNNING after the lease (its
 *   worker crashed) is taken back. Handlers therefore run at least once: make them idempotent.
 * - A failed run is retried with exponential backoff and jitter until maxAttempts, then the
 *   job is FAILED with its last error.
 */
export type JobHandler = (payload: unknown, job: { id: string; kind: string; attempts: number }) => Promise<void>;
type HandlerOptions = {
  /** Blank the payload once the job is finished: for payloads that must not stay at rest (mail bodies). */
  scrubPayload?: boolean;
};

type TransactionClient = Prisma.TransactionClient;

const handlers = new Map<string, { run: JobHandler } & HandlerOptions>();
const wakeChannel = 'plaza_jobs';

export function registerJobHandler(kind: string, run: JobHandler, options: HandlerOptions = {}): void {
  handlers.set(kind, { run, ...options });
}

export function registeredJobKinds(): string[] {
  return [...handlers.keys()];
}

export type EnqueueOptions = { runAt?: Date; maxAttempts?: number; dedupeKey?: string };

/**
 * Schedules a job. Pass the caller's transaction client so the job commits (or rolls back) with
 * the change that asked for it. Returns the job's id — the existing job's for a repeated dedupeKey.
 */
export async function enqueue(kind: string, payload: Prisma.InputJsonValue, options: EnqueueOptions = {}, tx?: TransactionClient): Promise<{ id: string; created: boolean }> {
  const client = tx ?? db();
  const data = { kind, payload, runAt: options.runAt ?? now(), maxAttempts: options.maxAttempts ?? 5, dedupeKey: options.dedupeKey ?? null, createdAt: now() };
  // ON CONFLICT DO NOTHING: a duplicate must not abort the caller's transaction.
  const [created] = await client.job.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } });
  if (!created) {
    const existing = await client.job.findUniqueOrThrow({ where: { dedupeKey: options.dedupeKey! }, select: { id: true } });
    return { id: existing.id, created: false };
  }
  // Delivered at commit, so a listening worker wakes only once the job is visible.
  await client.$executeRaw`SELECT pg_notify(${wakeChannel}, ${kind})`;
  return { id: created.id, created: true };
}

/**
 * Whether a job of `kind` whose payload contains `payloadContains` (jsonb `@>`) is still to run
 * or running. Reads the few unfinished jobs through the status index, not the finished history.
 */
export async function isJobOpen(kind: string, payloadContains: Prisma.InputJsonValue): Promise<boolean> {
  const [row] = await db().$queryRaw<{ open: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Job" WHERE "status" IN ('PENDING', 'RUNNING') AND "kind" = ${kind} AND "payload" @> ${JSON.stringify(payloadContains)}::jsonb
    ) AS open`;
  return row?.open ?? false;
}

/** 15 s, 30 s, 1 min, … capped at an hour, each stretched by up to 25 % so retries spread out. */
export function retryDelayMs(attempts: number): number {
  const base = Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
  return Math.round(base * (1 + Math.random() * 0.25));
}

type ClaimedJob = { id: string; kind: string; payload: unknown; attempts: number; maxAttempts: number };

export type WorkerOptions = {
  /** Kinds this worker runs; default: every registered kind. Other jobs are left for other workers. */
  kinds?: string[];
  /** Only the jobs with these dedupe keys: lets a test run its own jobs and nobody else's. */
  dedupeKeys?: string[];
  leaseMs?: number;
  workerId?: string;
  log?: (line: string) => void;
};

function resolved(options: WorkerOptions) {
  return {
    kinds: options.kinds ?? registeredJobKinds(),
    dedupeKeys: options.dedupeKeys,
    leaseMs: options.leaseMs ?? env().JOB_LEASE_SECONDS * 1000,
    workerId: options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    log: options.log ?? (() => {}),
  };
}

type Resolved = ReturnType<typeof resolved>;

/** Jobs whose worker vanished on their last allowed attempt will not be tried again. */
async function failAbandoned(options: Resolved): Promise<void> {
  const at = now();
  await db().$executeRaw`
    UPDATE "Job" SET "status" = 'FAILED', "lastError" = 'The worker stopped while running this job', "finishedAt" = ${at}, "lockedAt" = NULL
    WHERE "status" = 'RUNNING' AND "lockedAt" < ${new Date(at.getTime() - options.leaseMs)}
      AND "attempts" >= "maxAttempts" AND "kind" = ANY(${options.kinds})`;
}

/** Takes one due job (or one whose lease ran out). The row lock lasts only for this statement. */
async function claim(options: Resolved): Promise<ClaimedJob | null> {
  if (options.kinds.length === 0) return null;
  const at = now();
  const rows = await db().$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET "status" = 'RUNNING', "lockedAt" = ${at}, "lockedBy" = ${options.workerId}, "attempts" = "attempts" + 1
    WHERE "id" = (
      SELECT "id" FROM "Job"
      WHERE "kind" = ANY(${options.kinds})
        AND (${options.dedupeKeys ?? null}::text[] IS NULL OR "dedupeKey" = ANY(${options.dedupeKeys ?? null}::text[]))
        AND (("status" = 'PENDING' AND "runAt" <= ${at})
          OR ("status" = 'RUNNING' AND "lockedAt" < ${new Date(at.getTime() - options.leaseMs)} AND "attempts" < "maxAttempts"))
      ORDER BY "runAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "kind", "payload", "attempts", "maxAttempts"`;
  return rows[0] ?? null;
}

function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000) || 'Unknown error';
}

async function runClaimed(job: ClaimedJob, options: Resolved): Promise<void> {
  const handler = handlers.get(job.kind);
  // Only the worker that still holds the job records its outcome: after a lost lease the job is someone else's.
  const mine = { id: job.id, status: 'RUNNING' as const, lockedBy: options.workerId };
  const scrub = handler?.scrubPayload ? { payload: {} } : {};
  try {
    if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
    await handler.run(job.payload, { id: job.id, kind: job.kind, attempts: job.attempts });
    await db().job.updateMany({ where: mine, data: { status: 'DONE', finishedAt: now(), lockedAt: null, lastError: null, ...scrub } });
  } catch (error) {
    const lastError = describeError(error);
    if (job.attempts >= job.maxAttempts) {
      options.log(`job ${job.kind} ${job.id} failed for good: ${lastError}`);
      await db().job.updateMany({ where: mine, data: { status: 'FAILED', finishedAt: now(), lockedAt: null, lastError, ...scrub } });
    } else {
      const runAt = new Date(now().getTime() + retryDelayMs(job.attempts));
      await db().job.updateMany({ where: mine, data: { status: 'PENDING', runAt, lockedAt: null, lockedBy: null, lastError } });
    }
  }
}

/** Runs one due job if there is one; true when it did. */
export async function runNextJob(options: WorkerOptions = {}): Promise<boolean> {
  const settings = resolved(options);
  await failAbandoned(settings);
  const job = await claim(settings);
  if (!job) return false;
  await runClaimed(job, settings);
  return true;
}

/** Runs due jobs until none is left (tests, one-off maintenance). Returns how many ran. */
export async function runDueJobs(options: WorkerOptions = {}): Promise<number> {
  const settings = resolved(options);
  let count = 0;
  await failAbandoned(settings);
  for (let job = await claim(settings); job; job = await claim(settings)) {
    await runClaimed(job, settings);
    count += 1;
  }
  return count;
}

export type Worker = { id: string; stop: () => Promise<void> };

/**
 * Polls for due jobs every `pollMs` and wakes early on NOTIFY. `stop()` lets the current job
 * finish, then resolves.
 */
export function startWorker(options: WorkerOptions & { pollMs?: number } = {}): Worker {
  const settings = resolved(options);
  const pollMs = options.pollMs ?? env().JOB_POLL_MS;
  let stopping = false;
  let wake: (() => void) | undefined;
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const listener = new pg.Client({ connectionString: env().DATABASE_URL });
  const listening = listener
    .connect()
    .then(() => listener.query(`LISTEN ${wakeChannel}`))
    .then(() => listener.on('notification', () => wake?.()))
    // Waking early is an optimisation; polling alone still runs every job.
    .catch((error: unknown) => settings.log(`job wake-ups unavailable, polling only: ${describeError(error)}`));
  listener.on('error', () => {});

  const loop = (async () => {
    while (!stopping) {
      let ran = false;
      try {
        ran = await runNextJob(settings);
      } catch (error) {
        settings.log(`job worker: ${describeError(error)}`);
      }
      if (!ran && !stopping) await sleep();
    }
  })();

  return {
    id: settings.workerId,
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      await listening;
      await listener.end().catch(() => {});
    },
  };
}
