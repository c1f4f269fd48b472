import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RealtimeServerConfig } from './config';
import { channelKind, hmacHex, isValidChannelName, md5Hex, sameSecret } from './protocol';
import type { Hub } from './hub';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface EventRequest {
  name: string;
  data: string;
  channels: string[];
  socketId?: string;
  info: string[];
}

const routes = {
  events: /^\/apps\/([^/]+)\/events$/,
  batch: /^\/apps\/([^/]+)\/batch_events$/,
  channels: /^\/apps\/([^/]+)\/channels$/,
  channel: /^\/apps\/([^/]+)\/channels\/([^/]+)$/,
  users: /^\/apps\/([^/]+)\/channels\/([^/]+)\/users$/,
  terminate: /^\/apps\/([^/]+)\/users\/([^/]+)\/terminate_connections$/,
  revoke: /^\/apps\/([^/]+)\/channels\/([^/]+)\/revoke$/,
};

/** A path segment that is not valid percent-encoding is the caller's mistake, not a 500. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'Malformed percent-encoding in the path');
  }
}

/** Past this much of a refused body the sender is cut off instead of read to the end. */
const drainFactor = 16;

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Destroying the request at once would reset the connection before the 413 is read:
      // the rest is read and dropped, so the client gets its answer.
      if (!refused) {
        refused = true;
        chunks.length = 0;
        reject(new HttpError(413, `Request body is larger than ${limit} bytes`));
      }
      if (size > limit * drainFactor) request.destroy();
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * The HTTP API the `pusher` SDK calls, with its request signing: every call names the app key,
 * a timestamp within the allowed skew, the MD5 of its body, and an HMAC-SHA256 over
 * `METHOD\npath\nsorted query`.
 */
export class HttpApi {
  constructor(
    private readonly hub: Hub,
    private readonly config: RealtimeServerConfig,
    private readonly terminate: (userId: string) => number,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const url = new URL(request.url ?? '/', 'http://realtime');
      const method = request.method ?? 'GET';
      if (method === 'GET' && url.pathname === '/') return this.reply(response, 200, { ok: true });
      const body = method === 'POST' ? await readBody(request, this.config.limits.httpBodyBytes) : Buffer.alloc(0);
      const appId = url.pathname.match(/^\/apps\/([^/]+)\//)?.[1];
      if (appId === undefined) throw new HttpError(404, 'Not found');
      if (decoded(appId) !== this.config.appId) throw new HttpError(404, `Unknown app: ${appId}`);
      this.authenticate(method, url, body);
      const result = this.route(method, url.pathname, url.searchParams, body);
      this.reply(response, 200, result);
    } catch (error) {
      if (error instanceof HttpError) return this.reply(response, error.status, { error: error.message });
      this.reply(response, 500, { error: 'Internal error' });
    }
  }

  private reply(response: ServerResponse, status: number, body: unknown): void {
    if (response.headersSent) return;
    response.writeHead(status, status === 413 ? { 'content-type': 'application/json', connection: 'close' } : { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }

  private authenticate(method: string, url: URL, body: Buffer): void {
    const params = url.searchParams;
    if (params.get('auth_key') !== this.config.key) throw new HttpError(401, 'Unknown auth_key');
    if (params.get('auth_version') !== '1.0') throw new HttpError(401, 'auth_version must be 1.0');
    const timestamp = Number(params.get('auth_timestamp'));
    const skew = Math.abs(Date.now() / 1000 - timestamp);
    if (!Number.isFinite(timestamp) || skew > this.config.limits.timestampSkewSeconds) {
      throw new HttpError(401, `auth_timestamp must be within ${this.config.limits.timestampSkewSeconds} seconds of the server's clock`);
    }
    if (body.length > 0 && params.get('body_md5') !== md5Hex(body)) throw new HttpError(401, 'body_md5 does not match the body');
    const signed = [...params.entries()]
      .filter(([key]) => key !== 'auth_signature')
      .map(([key, value]) => [key.toLowerCase(), value] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${key}=${value}`)
      .join('&');
    const expected = hmacHex(this.config.secret, [method, url.pathname, signed].join('\n'));
    if (!sameSecret(expected, params.get('auth_signature'))) throw new HttpError(401, 'Invalid auth_signature');
  }

  private route(method: string, path: string, query: URLSearchParams, body: Buffer): unknown {
    let match: RegExpMatchArray | null;
    if (method === 'POST' && routes.events.test(path)) return this.trigger(this.parseEvent(this.json(body)));
    if (method === 'POST' && routes.batch.test(path)) return this.triggerBatch(this.json(body));
    if (method === 'GET' && routes.channels.test(path)) return this.channels(query);
    if (method === 'GET' && (match = path.match(routes.users))) return this.users(decoded(match[2]!));
    if (method === 'GET' && (match = path.match(routes.channel))) return this.channel(decoded(match[2]!), query);
    if (method === 'POST' && (match = path.match(routes.terminate))) {
      this.terminate(decoded(match[2]!));
      return {};
    }
    if (method === 'POST' && (match = path.match(routes.revoke))) return this.revoke(decoded(match[2]!), body);
    throw new HttpError(404, 'Not found');
  }

  /**
   * Plaza's extension: permission is checked only when a socket subscribes, so when the app
   * withdraws it (a member removed from a group) it asks the server to close the sockets that
   * hold the channel, so they reconnect and are authorized afresh (docs/decisions/007).
   */
  private revoke(name: string, body: Buffer): unknown {
    if (!isValidChannelName(name, this.config.limits.channelNameLength)) throw new HttpError(400, 'Invalid channel name');
    // A user channel follows sign-in, not channel authorization: terminate_connections is its tool.
    if (channelKind(name) === 'user') throw new HttpError(400, 'User channels cannot be revoked');
    const userId = body.length === 0 ? undefined : this.json(body).user_id;
    if (userId !== undefined && (typeof userId !== 'string' || userId === '')) throw new HttpError(400, 'user_id must be a non-empty string');
    this.hub.revoke(name, userId);
    return {};
  }

  private json(body: Buffer): Record<string, unknown> {
    try {
      const value = JSON.parse(body.toString('utf8'));
      if (value && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      /* answered below */
    }
    throw new HttpError(400, 'The body must be a JSON object');
  }

  private infoList(value: unknown): string[] {
    return typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];
  }

  private parseEvent(body: Record<string, unknown>): EventRequest {
    const { limits } = this.config;
    const channels = Array.isArray(body.channels) ? body.channels : typeof body.channel === 'string' ? [body.channel] : undefined;
    if (!channels || channels.length === 0 || channels.length > limits.channelsPerEvent) {
      throw new HttpError(400, `An event goes to 1–${limits.channelsPerEvent} channels`);
    }
    for (const channel of channels) {
      if (!isValidChannelName(channel, limits.channelNameLength)) throw new HttpError(400, `Invalid channel name: ${String(channel).slice(0, 200)}`);
    }
    if (typeof body.name !== 'string' || body.name.length === 0 || body.name.length > limits.eventNameLength) {
      throw new HttpError(400, `The event name must be 1–${limits.eventNameLength} characters`);
    }
    if (typeof body.data !== 'string') throw new HttpError(400, 'The event data must be a string');
    if (Buffer.byteLength(body.data) > limits.eventDataBytes) throw new HttpError(413, `The event data is larger than ${limits.eventDataBytes / 1024} KB`);
    if (body.socket_id !== undefined && (typeof body.socket_id !== 'string' || !/^\d+\.\d+$/.test(body.socket_id))) {
      throw new HttpError(400, 'socket_id must look like 123.456');
    }
    if (channels.length > 1 && channels.some((channel) => channelKind(channel) === 'encrypted')) {
      throw new HttpError(400, 'An event for an encrypted channel goes to that channel alone');
    }
    return { name: body.name, data: body.data, channels, socketId: body.socket_id as string | undefined, info: this.infoList(body.info) };
  }

  private deliver(event: EventRequest): void {
    for (const channel of event.channels) {
      // One encoding per channel; every subscriber of it gets these same bytes.
      const frame = Buffer.from(JSON.stringify({ event: event.name, channel, data: event.data }));
      this.hub.broadcast(channel, frame, event.socketId);
    }
  }

  private describe(channel: string, info: string[]): Record<string, number> {
    const known = this.hub.info(channel);
    const out: Record<string, number> = {};
    if (info.includes('subscription_count')) out.subscription_count = known.subscription_count;
    if (info.includes('user_count') && known.user_count !== undefined) out.user_count = known.user_count;
    return out;
  }

  private trigger(event: EventRequest): unknown {
    this.deliver(event);
    if (event.info.length === 0) return {};
    return { channels: Object.fromEntries(event.channels.map((channel) => [channel, this.describe(channel, event.info)])) };
  }

  private triggerBatch(body: Record<string, unknown>): unknown {
    const { limits } = this.config;
    const batch = body.batch;
    if (!Array.isArray(batch) || batch.length === 0 || batch.length > limits.eventsPerBatch) {
      throw new HttpError(400, `A batch holds 1–${limits.eventsPerBatch} events`);
    }
    // Validate all first, so a bad event in the batch sends none of it.
    const events = batch.map((item) => {
      if (!item || typeof item !== 'object' || typeof item.channel !== 'string') throw new HttpError(400, 'Each batch event names one channel');
      return this.parseEvent(item);
    });
    events.forEach((event) => this.deliver(event));
    if (events.every((event) => event.info.length === 0)) return {};
    return { batch: events.map((event) => this.describe(event.channels[0]!, event.info)) };
  }

  private channels(query: URLSearchParams): unknown {
    const prefix = query.get('filter_by_prefix') ?? '';
    const info = this.infoList(query.get('info'));
    if (info.includes('user_count') && !prefix.startsWith('presence-')) {
      throw new HttpError(400, 'info=user_count needs filter_by_prefix=presence-');
    }
    const names = this.hub.occupiedChannels(prefix).filter((name) => channelKind(name) !== 'user');
    return { channels: Object.fromEntries(names.map((name) => [name, this.describe(name, info)])) };
  }

  private channel(name: string, query: URLSearchParams): unknown {
    if (!isValidChannelName(name, this.config.limits.channelNameLength)) throw new HttpError(400, 'Invalid channel name');
    const info = this.infoList(query.get('info'));
    if (info.includes('user_count') && channelKind(name) !== 'presence') throw new HttpError(400, 'user_count is only for presence channels');
    return { occupied: this.hub.info(name).occupied, ...this.describe(name, info) };
  }

  private users(name: string): unknown {
    if (channelKind(name) !== 'presence') throw new HttpError(400, 'Users are listed for presence channels only');
    return { users: this.hub.memberIds(name).map((id) => ({ id })) };
  }
}
