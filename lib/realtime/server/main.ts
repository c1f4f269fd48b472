/**
 * `npm run realtime`: the embedded Pusher-protocol server as its own process.
 * SIGTERM or Ctrl-C closes connections with 4200 so clients reconnect to the next one.
 */
import { startRealtimeServer } from './server';

// A refused configuration (no usable PUSHER_SECRET) is the operator's to fix: its message, no stack.
const server = await startRealtimeServer().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
console.log(`realtime: Pusher protocol 7 on ws://${server.config.bindHost}:${server.port}/app/${server.config.key}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
