/**
 * A share of the pusher-js clients in their own process. Receipt times are sent back as
 * `performance.timeOrigin + performance.now()`, a clock every process on the machine shares.
 * IPC: `connect` → `connected`; `expect` (before the trigger) → `receipts` once all have it;
 * `gc` → a full collection; `disconnect` → exits.
 */
import { performance } from 'node:perf_hooks';
import { connectClients, type ClientPool, type ListenTarget } from './clients';

export type ClientsRequest =
  | { type: 'connect'; port: number; count: number; target?: ListenTarget }
  | { type: 'expect'; seq: number; timeoutMs: number }
  | { type: 'count' }
  | { type: 'gc' }
  | { type: 'disconnect' };
export type ClientsReply =
  | { type: 'connected' }
  | { type: 'receipts'; seq: number; times: number[] }
  | { type: 'count'; received: number }
  | { type: 'gc' }
  | { type: 'failed'; message: string };

let pool: ClientPool | undefined;
const reply = (message: ClientsReply) => process.send!(message);
const fail = (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });

process.on('message', (request: ClientsRequest) => {
  if (request.type === 'connect') {
    connectClients(request.port, request.count, request.target).then((connected) => {
      pool = connected;
      reply({ type: 'connected' });
    }, fail);
  } else if (request.type === 'expect') {
    pool!.receipts(request.seq, request.timeoutMs).then((times) => {
      reply({ type: 'receipts', seq: request.seq, times: times.map((time) => performance.timeOrigin + time) });
    }, fail);
  } else if (request.type === 'count') {
    reply({ type: 'count', received: pool!.received() });
  } else if (request.type === 'gc') {
    (globalThis as { gc?: () => void }).gc?.();
    reply({ type: 'gc' });
  } else {
    pool?.disconnect();
    process.disconnect();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
