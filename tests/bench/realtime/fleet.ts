import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { connectClients, withTimeout, type ListenTarget } from './clients';
import type { ClientsReply, ClientsRequest } from './clients-process';

/** The subscribed pusher-js clients, wherever they run. Times are on the machine-wide clock. */
export interface Fleet {
  size: number;
  receipts(seq: number): Promise<number[]>;
  received(): Promise<number>;
  /** A full GC in the client processes, so one does not land in the middle of a measurement. */
  collectGarbage(): Promise<void>;
  close(): Promise<void>;
}

/** The machine-wide clock: comparable between processes, unlike performance.now() alone. */
export const now = () => performance.timeOrigin + performance.now();

const script = fileURLToPath(new URL('./clients-process.ts', import.meta.url));
const receiptTimeoutMs = 10_000;

async function inProcess(port: number, count: number, target?: ListenTarget): Promise<Fleet> {
  const pool = await connectClients(port, count, target);
  return {
    size: count,
    receipts: async (seq) => (await pool.receipts(seq, receiptTimeoutMs)).map((time) => performance.timeOrigin + time),
    received: async () => pool.received(),
    collectGarbage: async () => (globalThis as { gc?: () => void }).gc?.(),
    close: async () => pool.disconnect(),
  };
}

function child(): { process: ChildProcess; ask: (request: ClientsRequest, answer: ClientsReply['type'], match?: (reply: ClientsReply) => boolean) => Promise<ClientsReply> } {
  const process = fork(script, [], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (request: ClientsRequest, answer: ClientsReply['type'], match: (reply: ClientsReply) => boolean = () => true) =>
    withTimeout(
      new Promise<ClientsReply>((resolve, reject) => {
        const listen = (reply: ClientsReply) => {
          if (reply.type !== 'failed' && (reply.type !== answer || !match(reply))) return;
          process.off('message', listen);
          if (reply.type === 'failed') reject(new Error(reply.message));
          else resolve(reply);
        };
        process.on('message', listen);
        process.send(request);
      }),
      90_000,
      () => `clients process did not answer ${request.type}`,
    );
  return { process, ask };
}

/**
 * `count` clients in the bench process (`processes` = 0) or split over that many child
 * processes, listening to `target` (the realtime bench's public channel unless given).
 */
export async function startFleet(port: number, count: number, processes = 0, target?: ListenTarget): Promise<Fleet> {
  if (processes === 0) return inProcess(port, count, target);
  const shares = Array.from({ length: processes }, (_, index) => Math.floor(count / processes) + (index < count % processes ? 1 : 0));
  const children = shares.map(() => child());
  await Promise.all(children.map((c, index) => c.ask({ type: 'connect', port, count: shares[index]!, target }, 'connected')));
  return {
    size: count,
    async receipts(seq) {
      const replies = await Promise.all(
        children.map((c) => c.ask({ type: 'expect', seq, timeoutMs: receiptTimeoutMs }, 'receipts', (reply) => reply.type === 'receipts' && reply.seq === seq)),
      );
      return replies.flatMap((reply) => (reply.type === 'receipts' ? reply.times : []));
    },
    async received() {
      const replies = await Promise.all(children.map((c) => c.ask({ type: 'count' }, 'count')));
      return replies.reduce((sum, reply) => sum + (reply.type === 'count' ? reply.received : 0), 0);
    },
    async collectGarbage() {
      await Promise.all(children.map((c) => c.ask({ type: 'gc' }, 'gc')));
    },
    async close() {
      await Promise.all(
        children.map((c) => {
          const exited = new Promise<void>((resolve) => c.process.once('exit', () => resolve()));
          c.process.send({ type: 'disconnect' } satisfies ClientsRequest);
          return exited;
        }),
      );
    },
  };
}
