import type { WebSocket, RawData } from 'ws';
import type { RealtimeServerConfig } from './config';
import { withinRate, type Connection, type Hub } from './hub';
import { channelKind, encodeFrame, ErrorCode, errorFrame, isValidChannelName, serverToUserPrefix, verifySocketAuth } from './protocol';

type Frame = { event?: unknown; channel?: unknown; data?: unknown };

let nextSocket = 0;

/** `\d+.\d+`, unique for the life of the process and not guessable from the previous one. */
function newSocketId(): string {
  nextSocket += 1;
  return `${nextSocket}.${Math.floor(Math.random() * 1e9)}`;
}

function send(connection: Connection, text: string): void {
  if (connection.socket.readyState === 1) connection.socket.send(text);
}

function parseJsonObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Speaks protocol 7 with one client: subscriptions with their signatures, presence, client
 * events, user sign-in and liveness. A frame it cannot use gets `pusher:error` and is dropped;
 * nothing a client sends can throw out of here or touch another connection.
 */
export class SocketHandler {
  constructor(
    private readonly hub: Hub,
    private readonly config: RealtimeServerConfig,
  ) {}

  open(socket: WebSocket): Connection {
    const connection: Connection = {
      socketId: newSocketId(),
      socket,
      channels: new Set(),
      presenceAs: new Map(),
      lastActivity: Date.now(),
      clientEvents: { startedAt: 0, count: 0 },
      frames: { startedAt: 0, count: 0 },
    };
    this.hub.add(connection);
    socket.on('message', (data, isBinary) => this.receive(connection, data, isBinary));
    socket.on('pong', () => this.alive(connection));
    // Also fires for sockets the server closed itself (revoke, terminate, sweep), which the hub
    // has already forgotten: remove() is then a no-op.
    socket.on('close', () => this.hub.remove(connection));
    // ws has already started a close (1009 for an oversized frame) when a protocol error gets
    // here: terminating now could drop that close frame, and the client would see only 1006.
    socket.on('error', () => socket.readyState === socket.OPEN && socket.terminate());
    send(connection, encodeFrame('pusher:connection_established', { socket_id: connection.socketId, activity_timeout: this.config.activityTimeoutSeconds }));
    return connection;
  }

  /** Pings the quiet, and closes those who did not answer a ping in time. */
  sweep(now = Date.now()): void {
    const quietAfter = this.config.activityTimeoutSeconds * 1000;
    for (const connection of this.hub.connections) {
      if (connection.pingSentAt !== undefined) {
        if (now - connection.pingSentAt >= this.config.pongTimeoutMs) {
          connection.socket.close(ErrorCode.pongNotReceived, 'Pong reply not received');
          this.hub.remove(connection);
        }
      } else if (now - connection.lastActivity >= quietAfter) {
        connection.pingSentAt = now;
        send(connection, encodeFrame('pusher:ping', {}));
      }
    }
  }

  private alive(connection: Connection): void {
    connection.lastActivity = Date.now();
    connection.pingSentAt = undefined;
  }

  private receive(connection: Connection, raw: RawData, isBinary: boolean): void {
    // ws still delivers frames that arrive while a close it started is under way; acting on them
    // would subscribe a connection the hub has already forgotten, leaving a ghost member behind.
    if (connection.socket.readyState !== 1 || !this.hub.connections.has(connection)) return;
    this.alive(connection);
    if (!withinRate(connection.frames, this.config.limits.framesPerSecond, connection.lastActivity)) {
      if (connection.frames.count === this.config.limits.framesPerSecond + 1) {
        send(connection, errorFrame(ErrorCode.clientEventRejected, `Too many messages: at most ${this.config.limits.framesPerSecond} per second`));
      }
      return;
    }
    if (isBinary) return send(connection, errorFrame(ErrorCode.invalidMessage, 'Messages must be JSON text'));
    let frame: Frame;
    try {
      frame = JSON.parse(raw.toString());
    } catch {
      return send(connection, errorFrame(ErrorCode.invalidMessage, 'Messages must be JSON'));
    }
    if (!frame || typeof frame !== 'object' || typeof frame.event !== 'string') {
      return send(connection, errorFrame(ErrorCode.invalidMessage, 'Messages must have an event name'));
    }
    try {
      this.dispatch(connection, frame as Frame & { event: string });
    } catch {
      send(connection, errorFrame(ErrorCode.invalidMessage, 'The message could not be handled'));
    }
  }

  private dispatch(connection: Connection, frame: Frame & { event: string }): void {
    const data = parseJsonObject(frame.data);
    switch (frame.event) {
      case 'pusher:ping':
        return send(connection, encodeFrame('pusher:pong', {}));
      case 'pusher:pong':
        return;
      case 'pusher:subscribe':
        return this.subscribe(connection, data);
      case 'pusher:unsubscribe':
        if (typeof data?.channel === 'string') this.hub.leave(connection, data.channel);
        return;
      case 'pusher:signin':
        return this.signIn(connection, data);
    }
    if (frame.event.startsWith('client-')) return this.clientEvent(connection, frame as Frame & { event: string });
    send(connection, errorFrame(ErrorCode.invalidMessage, `Unknown event: ${frame.event.slice(0, 50)}`));
  }

  private subscriptionError(connection: Connection, channel: string, type: string, error: string, status: number): void {
    send(connection, encodeFrame('pusher:subscription_error', { type, error, status }, channel));
  }

  private subscribe(connection: Connection, data: Record<string, unknown> | undefined): void {
    const channel = data?.channel;
    const { limits } = this.config;
    if (!isValidChannelName(channel, limits.channelNameLength)) {
      return send(connection, errorFrame(ErrorCode.invalidMessage, `Invalid channel name: at most ${limits.channelNameLength} of A-Z a-z 0-9 _ - = @ , . ;`));
    }
    const kind = channelKind(channel);
    const auth = data?.auth;
    const app = this.config;

    // Refused per channel with pusher:subscription_error, the protocol's answer to a subscribe
    // the server will not take: pusher-js hands it to that channel's own error binding, while a
    // channel-less pusher:error would leave the subscription pending forever, and a close would
    // drop the connection's other subscriptions only for pusher-js to retry them all at once.
    if (!connection.channels.has(channel) && connection.channels.size >= limits.channelsPerConnection) {
      return this.subscriptionError(connection, channel, 'LimitReached', `A connection holds at most ${limits.channelsPerConnection} channels: unsubscribe from one first`, ErrorCode.overCapacity);
    }
    if (kind === 'public' && app.publicChannels !== 'any' && !app.publicChannels.includes(channel)) {
      return this.subscriptionError(connection, channel, 'AuthError', 'This server does not serve that public channel', 403);
    }

    if (kind === 'user') {
      if (!connection.userId || channel !== `${serverToUserPrefix}${connection.userId}`) {
        return this.subscriptionError(connection, channel, 'AuthError', 'Sign in as this user first', 401);
      }
    } else if (kind === 'private' || kind === 'encrypted') {
      if (!verifySocketAuth(auth, `${connection.socketId}:${channel}`, app)) {
        return this.subscriptionError(connection, channel, 'AuthError', 'Invalid signature for this socket and channel', 401);
      }
    } else if (kind === 'presence') {
      const channelData = typeof data?.channel_data === 'string' ? data.channel_data : undefined;
      if (!channelData || !verifySocketAuth(auth, `${connection.socketId}:${channel}:${channelData}`, app)) {
        return this.subscriptionError(connection, channel, 'AuthError', 'Invalid signature for this socket, channel and channel data', 401);
      }
      const member = parseJsonObject(channelData);
      const userId = member?.user_id;
      if (typeof userId !== 'string' && typeof userId !== 'number') {
        return this.subscriptionError(connection, channel, 'AuthError', 'channel_data must name a user_id', 401);
      }
      return this.joinPresence(connection, channel, { id: String(userId), info: member?.user_info });
    }

    this.hub.join(connection, channel);
    send(connection, encodeFrame('pusher_internal:subscription_succeeded', {}, channel));
  }

  private joinPresence(connection: Connection, channel: string, member: { id: string; info: unknown }): void {
    const joined = this.hub.join(connection, channel, member);
    if (!joined.ok) {
      const limit = this.config.limits.presenceMembers;
      return this.subscriptionError(connection, channel, 'LimitReached', `A presence channel holds at most ${limit} members`, ErrorCode.overCapacity);
    }
    send(connection, encodeFrame('pusher_internal:subscription_succeeded', { presence: this.hub.presence(channel) }, channel));
    if (joined.newMember) {
      const frame = encodeFrame('pusher_internal:member_added', { user_id: member.id, user_info: member.info }, channel);
      this.hub.broadcast(channel, Buffer.from(frame), connection);
    }
  }

  private signIn(connection: Connection, data: Record<string, unknown> | undefined): void {
    const userData = typeof data?.user_data === 'string' ? data.user_data : undefined;
    const user = userData ? parseJsonObject(userData) : undefined;
    const valid = userData && typeof user?.id === 'string' && user.id !== '' && verifySocketAuth(data?.auth, `${connection.socketId}::user::${userData}`, this.config);
    if (!valid) {
      send(connection, errorFrame(ErrorCode.unauthorized, 'Sign-in refused: invalid signature or user data'));
      connection.socket.close(ErrorCode.unauthorized, 'Unauthorized');
      this.hub.remove(connection);
      return;
    }
    this.hub.signIn(connection, user!.id as string);
    send(connection, encodeFrame('pusher:signin_success', { user_data: userData }));
  }

  private clientEvent(connection: Connection, frame: Frame & { event: string }): void {
    const { limits } = this.config;
    const channel = frame.channel;
    const reject = (message: string) => send(connection, errorFrame(ErrorCode.clientEventRejected, message));
    if (typeof channel !== 'string' || !connection.channels.has(channel)) return reject('Client event rejected: subscribe to the channel first');
    const kind = channelKind(channel);
    if (kind !== 'private' && kind !== 'presence') return reject('Client events are only allowed on private and presence channels');
    if (frame.event.length > limits.eventNameLength) return reject(`Client event name is longer than ${limits.eventNameLength} characters`);
    const data = typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data ?? null);
    if (Buffer.byteLength(data) > limits.eventDataBytes) return reject(`Client event data is larger than ${limits.eventDataBytes / 1024} KB`);
    if (!withinRate(connection.clientEvents, limits.clientEventsPerSecond, Date.now())) {
      return reject(`Client event rejected: at most ${limits.clientEventsPerSecond} per second`);
    }
    const userId = kind === 'presence' ? connection.presenceAs.get(channel) : undefined;
    const out = encodeFrame(frame.event, data, channel, userId === undefined ? undefined : { user_id: userId });
    this.hub.broadcast(channel, Buffer.from(out), connection);
  }
}
