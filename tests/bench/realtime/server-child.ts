import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerKind, ServerReply, ServerRequest } from './server-process';

export interface ServerChild {
  kind: ServerKind;
  port: number;
  pid: number;
  memory(): Promise<{ rss: number; heapUsed: number }>;
  connections(): Promise<number>;
  close(): Promise<void>;
}

const script = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const answerWithinMs = 30_000;

/** Starts a server under test in a child process; `cpuProfileDir` turns on V8's --cpu-prof. */
export async function startServerChild(kind: ServerKind, cpuProfileDir?: string): Promise<ServerChild> {
  const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child: ChildProcess = fork(script, [kind], { execArgv: ['--import', 'tsx', '--expose-gc', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 0;
  const waiting = new Map<number, (reply: ServerReply) => void>();
  child.on('message', (reply: ServerReply) => {
    if ('id' in reply) waiting.get(reply.id)?.(reply);
  });
  const ask = <T extends ServerReply>(type: ServerRequest['type']) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      const guard = setTimeout(() => reject(new Error(`${kind} server did not answer ${type}`)), answerWithinMs);
      waiting.set(id, (reply) => {
        clearTimeout(guard);
        waiting.delete(id);
        resolve(reply as T);
      });
      child.send({ type, id } satisfies ServerRequest);
    });

  const port = await new Promise<number>((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`${kind} server did not start`)), answerWithinMs);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code} before it was ready`)));
    child.on('message', (reply: ServerReply) => {
      if (reply.type !== 'ready') return;
      clearTimeout(guard);
      resolve(reply.port);
    });
  });

  return {
    kind,
    port,
    pid: child.pid!,
    memory: async () => {
      const { rss, heapUsed } = await ask<Extract<ServerReply, { type: 'memory' }>>('memory');
      return { rss, heapUsed };
    },
    connections: async () => (await ask<Extract<ServerReply, { type: 'connections' }>>('connections')).count,
    close: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await ask('close');
      await exited;
    },
  };
}
