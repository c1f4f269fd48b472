import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FloorServer {
  port: number;
  connectionCount(): number;
  close(): Promise<void>;
}

/**
 * The least a server can do and still be a Pusher server to pusher-js: the handshake, a reply to
 * subscriptions and pings, and, on any POST (the `pusher` SDK's trigger), one encoding of the
 * event and a plain loop of `send` to every socket. No signatures, no channels, no limits: the
 * figure it gives is the floor the real server is compared with, on the same clients and SDK.
 */
export async function startFloorServer(): Promise<FloorServer> {
  const sockets = new Set<WebSocket>();
  let nextId = 0;

  const http = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { name: string; channels?: string[]; channel?: string; data: string; batch?: unknown[] };
        const events = (body.batch ?? [body]) as { name: string; channels?: string[]; channel?: string; data: string }[];
        for (const event of events) {
          const frame = Buffer.from(JSON.stringify({ event: event.name, channel: event.channels?.[0] ?? event.channel, data: event.data }));
          for (const socket of sockets) socket.send(frame, { binary: false });
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  http.on('connection', (socket) => socket.setNoDelay(true));
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  wss.on('connection', (socket) => {
    nextId += 1;
    socket.send(JSON.stringify({ event: 'pusher:connection_established', data: JSON.stringify({ socket_id: `${nextId}.1`, activity_timeout: 120 }) }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as { event: string; data?: { channel?: string } };
      if (frame.event === 'pusher:ping') socket.send('{"event":"pusher:pong","data":"{}"}');
      if (frame.event === 'pusher:subscribe') {
        sockets.add(socket);
        socket.send(JSON.stringify({ event: 'pusher_internal:subscription_succeeded', channel: frame.data?.channel, data: '{}' }));
      }
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    port: (http.address() as AddressInfo).port,
    connectionCount: () => wss.clients.size,
    async close() {
      for (const socket of wss.clients) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
