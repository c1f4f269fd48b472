import { Agent } from 'node:http';
import PusherServer from 'pusher';
import { benchCredentials } from './credentials';

/**
 * The `pusher` SDK as the app would configure it for the embedded server. A keep-alive agent, as
 * a long-running app server would use: without one each trigger also pays a TCP handshake.
 */
export function sdkFor(port: number, maxSockets = 1): PusherServer {
  return new PusherServer({
    ...benchCredentials(),
    host: '127.0.0.1',
    port: String(port),
    useTLS: false,
    agent: new Agent({ keepAlive: true, maxSockets }),
  });
}
