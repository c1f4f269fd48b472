/**
 * One server under test in its own process, so its RSS is its own and its CPU is not shared
 * with the clients' event loop. Started by the bench with `node --import tsx --expose-gc`;
 * argv[2] is `plaza` (lib/realtime/server) or `floor` (the bare ws loop).
 * IPC: sends `{ready, port}`; answers `memory` with usage after a full GC, `connections` with the
 * count of open sockets, and `close` by closing and exiting (which also writes a --cpu-prof).
 */
import { startRealtimeServer } from '@/lib/realtime/server/server';
import { benchChannel, benchCredentials } from './credentials';
import { startFloorServer } from './floor-server';

export type ServerKind = 'plaza' | 'floor';
export type ServerRequest = { type: 'memory' | 'connections' | 'close'; id: number };
export type ServerReply =
  | { type: 'ready'; port: number }
  | { type: 'memory'; id: number; rss: number; heapUsed: number }
  | { type: 'connections'; id: number; count: number }
  | { type: 'closed'; id: number };

const kind = process.argv[2] as ServerKind;
const server =
  kind === 'plaza'
    ? await startRealtimeServer({ ...benchCredentials(), port: 0, bindHost: '127.0.0.1', webhookUrl: undefined, publicChannels: [benchChannel] })
    : await startFloorServer();

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('server-process needs --expose-gc');
const reply = (message: ServerReply) => process.send!(message);

process.on('message', (request: ServerRequest) => {
  if (request.type === 'memory') {
    gc();
    gc();
    const usage = process.memoryUsage();
    reply({ type: 'memory', id: request.id, rss: usage.rss, heapUsed: usage.heapUsed });
  } else if (request.type === 'connections') {
    reply({ type: 'connections', id: request.id, count: server.connectionCount() });
  } else if (request.type === 'close') {
    void server.close().then(() => {
      reply({ type: 'closed', id: request.id });
      process.disconnect();
      process.exit(0);
    });
  }
});
// The parent going away must not leave a server holding a port and a core.
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready', port: server.port });
