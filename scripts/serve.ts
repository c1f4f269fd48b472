/**
 * Plaza's web server: Next.js in production mode behind a small Node HTTP server that pins the
 * client's address before Next sees the request (see lib/client-address.ts). Started by
 * `npm start` and `npm test` instead of `next start`:
 *
 *   node --import tsx scripts/serve.ts --port 3000 [--hostname 127.0.0.1]
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { parseEnv } from '../lib/core/env';
import { pinClientAddress } from './lib/client-address';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '3000' }, hostname: { type: 'string' } } });
  const port = Number(values.port);
  // The whole configuration is checked here, so a bad setting stops the start, not a request.
  const config = parseEnv(process.env);
  const app = next({ dev: false, dir: process.cwd(), port, hostname: values.hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    pinClientAddress(request, config.PLAZA_TRUSTED_PROXIES);
    void handle(request, response);
  });
  server.listen(port, values.hostname, () => console.log(`[web] listening on ${config.PLAZA_LISTEN_URL}`));
  // Nothing is kept in memory that a stop could lose: requests in flight are the client's to retry.
  const stop = () => process.exit(0);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
