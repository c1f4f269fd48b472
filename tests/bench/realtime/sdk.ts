import { Agent } from 'node:http';
import PusherServer from 'pusher';
import { developmentCredentials } from '@/lib/realtime/server/config';

/**
 * The `pusher` SDK as the app would configure it for the embedded server. A keep-alive agent, as
 * a long-running app server would use: without one each trigger also pays a TCP handshake.
 */
export function sdkFor(port: number, maxSockets = 1): PusherServer {
  return new PusherServer({
    ...developmentCredentials,
    host: '127.0.0.1',
    port: String(port),
    useTLS: false,
    agent: new Agent({ keepAlive: true, maxSockets }),
  });
}
