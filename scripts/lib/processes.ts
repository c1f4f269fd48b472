import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Children started by this process; all of them are stopped on exit, Ctrl-C or SIGTERM. */
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

export function onShutdown(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

export function startChild(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  // Own process group, so stopping it stops whatever it started too.
  const child = spawn(command, args, { stdio: 'inherit', detached: true, ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Runs a command to completion and resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = startChild(command, args, options);
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

let shuttingDown: Promise<void> | undefined;

export function isShuttingDown(): boolean {
  return shuttingDown !== undefined;
}

export function shutdown(): Promise<void> {
  shuttingDown ??= (async () => {
    await Promise.all([...children].map(stopChild));
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('Shutdown step failed:', error);
      }
    }
  })();
  return shuttingDown;
}

/** Ctrl-C and SIGTERM stop every child and run cleanups (stopping Postgres among them). */
export function stopEverythingOnSignals(exitCode = 130): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.log(`\nStopping Plaza (${signal})…`);
      void shutdown().then(() => process.exit(exitCode));
    });
  }
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
