import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { resolveRealtimeConfig, type RealtimeServerConfig } from './config';
import { HttpApi } from './http-api';
import { Hub } from './hub';
import { ErrorCode, errorFrame, supportedProtocols } from './protocol';
import { SocketHandler } from './sockets';
import { WebhookSender } from './webhooks';

/** A key that is not valid percent-encoding names no app; it must not throw out of the upgrade. */
function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export interface RealtimeServer {
  port: number;
  config: RealtimeServerConfig;
  /** Open WebSocket connections, for health checks and benchmarks. */
  connectionCount(): number;
  /** Closes every connection with 4200 ("reconnect"), sends pending webhooks and stops. */
  close(): Promise<void>;
}

/**
 * Plaza's Pusher Channels protocol 7 server: WebSockets at `/app/:key`, the HTTP API under
 * `/apps/:id/…` and webhooks to the app, in one process on one port.
 */
export async function startRealtimeServer(overrides: Partial<RealtimeServerConfig> = {}): Promise<RealtimeServer> {
  const config = resolveRealtimeConfig(overrides);
  const webhooks = new WebhookSender({
    url: config.webhookUrl,
    key: config.key,
    secret: config.secret,
    vacateDelayMs: config.webhookVacateDelayMs,
    onError: (error) => console.warn(`realtime: webhooks to ${config.webhookUrl} are failing (${error instanceof Error ? error.message : error}); the app's worker reconciles online status meanwhile`),
    onRecovered: () => console.warn(`realtime: webhooks to ${config.webhookUrl} are delivered again`),
  });
  const hub = new Hub(webhooks, config.limits.presenceMembers);
  const sockets = new SocketHandler(hub, config);
  const api = new HttpApi(hub, config, (userId) => {
    const connections = hub.userConnections(userId);
    for (const connection of connections) {
      connection.socket.close(ErrorCode.unauthorized, 'Disconnected by the app');
      hub.remove(connection);
    }
    return connections.length;
  });

  const http: Server = createServer((request, response) => void api.handle(request, response));
  // Nagle's algorithm would hold small event frames back; realtime wants them out at once.
  http.on('connection', (socket) => socket.setNoDelay(true));
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.frameBytes, perMessageDeflate: false });

  http.on('upgrade', (request, socket, head) => {
    const url = URL.parse(request.url ?? '/', 'http://realtime');
    const key = url?.pathname.match(/^\/app\/([^/]+)$/)?.[1];
    if (!url || key === undefined) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      // The protocol reports these as a pusher:error and a close code, so clients know to stop.
      const requested = url.searchParams.get('protocol');
      const protocol = Number(requested);
      if (safeDecode(key) !== config.key) {
        ws.send(errorFrame(ErrorCode.appNotFound, `Application does not exist: ${key}`));
        return ws.close(ErrorCode.appNotFound, 'Application does not exist');
      }
      // The protocol's old fallback (guess from `version`, else protocol 1) is deprecated in
      // favour of 4008, and would only land on a version this server does not speak anyway.
      if (requested === null || requested.trim() === '') {
        ws.send(errorFrame(ErrorCode.noProtocol, `No protocol version supplied: add ?protocol=${supportedProtocols.max} to the URL`));
        return ws.close(ErrorCode.noProtocol, 'No protocol version supplied');
      }
      if (!Number.isInteger(protocol) || protocol < supportedProtocols.min || protocol > supportedProtocols.max) {
        ws.send(errorFrame(ErrorCode.unsupportedProtocol, `Unsupported protocol version: use ${supportedProtocols.min}–${supportedProtocols.max}`));
        return ws.close(ErrorCode.unsupportedProtocol, 'Unsupported protocol version');
      }
      sockets.open(ws);
    });
  });

  const sweepEveryMs = Math.max(50, Math.min(1000, config.pongTimeoutMs / 2, (config.activityTimeoutSeconds * 1000) / 2));
  const sweeper = setInterval(() => sockets.sweep(), sweepEveryMs);
  sweeper.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.bindHost, () => resolve());
  });

  return {
    port: (http.address() as AddressInfo).port,
    config,
    connectionCount: () => hub.connections.size,
    async close() {
      clearInterval(sweeper);
      for (const connection of hub.connections) connection.socket.close(ErrorCode.reconnect, 'Server restarting');
      for (const connection of [...hub.connections]) hub.remove(connection);
      wss.close();
      await webhooks.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}


