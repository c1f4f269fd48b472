import type { WebSocket } from 'ws';
import { channelKind, ErrorCode, errorFrame, serverToUserPrefix } from './protocol';
import type { WebhookSender } from './webhooks';

/** One open WebSocket and what it has joined. */
export interface Connection {
  socketId: string;
  socket: WebSocket;
  channels: Set<string>;
  /** Presence channel → the user id this connection joined it as. */
  presenceAs: Map<string, string>;
  userId?: string;
  lastActivity: number;
  pingSentAt?: number;
  clientEvents: RateWindow;
  frames: RateWindow;
}

export interface RateWindow {
  startedAt: number;
  count: number;
}

interface Member {
  info: unknown;
  /** A person with two tabs is one member: added on the first, removed after the last. */
  connections: number;
}

interface Channel {
  name: string;
  subscribers: Set<Connection>;
  members?: Map<string, Member>;
}

export interface ChannelInfo {
  occupied: boolean;
  subscription_count: number;
  user_count?: number;
}

export type JoinResult = { ok: true; newMember?: { id: string; info: unknown } } | { ok: false; reason: 'full' };

/** Counts an action in a one-second window; false once over the limit. */
export function withinRate(window: RateWindow, limit: number, now: number): boolean {
  if (now - window.startedAt >= 1000) {
    window.startedAt = now;
    window.count = 0;
  }
  window.count += 1;
  return window.count <= limit;
}

/**
 * Who is in which channel. Events are encoded once per publish and the same bytes go to every
 * subscriber: the fan-out loop does no JSON work per recipient.
 */
export class Hub {
  private readonly channels = new Map<string, Channel>();
  private readonly users = new Map<string, Set<Connection>>();
  readonly connections = new Set<Connection>();

  constructor(
    private readonly webhooks: WebhookSender,
    private readonly presenceLimit: number,
  ) {}

  add(connection: Connection): void {
    this.connections.add(connection);
  }

  remove(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    for (const name of [...connection.channels]) this.leave(connection, name);
    if (connection.userId) this.forgetUser(connection);
  }

  signIn(connection: Connection, userId: string): void {
    if (connection.userId && connection.userId !== userId) {
      // Signed in as someone else now: the previous user's messages must stop reaching it.
      this.leave(connection, `${serverToUserPrefix}${connection.userId}`);
    }
    if (connection.userId) this.forgetUser(connection);
    connection.userId = userId;
    let set = this.users.get(userId);
    if (!set) this.users.set(userId, (set = new Set()));
    set.add(connection);
  }

  userConnections(userId: string): Connection[] {
    return [...(this.users.get(userId) ?? [])];
  }

  join(connection: Connection, name: string, member?: { id: string; info: unknown }): JoinResult {
    let channel = this.channels.get(name);
    if (member && channel?.members && !channel.members.has(member.id) && channel.members.size >= this.presenceLimit) {
      return { ok: false, reason: 'full' };
    }
    if (connection.channels.has(name)) {
      // Joining again as someone else on a presence channel: leave as the old member first.
      if (!member || connection.presenceAs.get(name) === member.id) return { ok: true };
      this.leave(connection, name);
      channel = this.channels.get(name);
    }
    if (!channel) {
      channel = { name, subscribers: new Set(), members: channelKind(name) === 'presence' ? new Map() : undefined };
      this.channels.set(name, channel);
    }
    const firstSubscriber = channel.subscribers.size === 0;
    channel.subscribers.add(connection);
    connection.channels.add(name);
    if (firstSubscriber && channelKind(name) !== 'user') this.webhooks.channelOccupied(name);
    if (!member || !channel.members) return { ok: true };

    connection.presenceAs.set(name, member.id);
    const existing = channel.members.get(member.id);
    if (existing) {
      existing.connections += 1;
      return { ok: true };
    }
    channel.members.set(member.id, { info: member.info, connections: 1 });
    this.webhooks.memberAdded(name, member.id);
    return { ok: true, newMember: member };
  }

  /** Returns the user id that left the presence channel entirely, if one did. */
  leave(connection: Connection, name: string): string | undefined {
    const channel = this.channels.get(name);
    connection.channels.delete(name);
    const memberId = connection.presenceAs.get(name);
    connection.presenceAs.delete(name);
    if (!channel || !channel.subscribers.delete(connection)) return undefined;

    let departed: string | undefined;
    if (memberId !== undefined && channel.members) {
      const member = channel.members.get(memberId);
      if (member && --member.connections === 0) {
        channel.members.delete(memberId);
        departed = memberId;
        this.webhooks.memberRemoved(name, memberId);
        this.broadcast(name, Buffer.from(JSON.stringify({ event: 'pusher_internal:member_removed', channel: name, data: JSON.stringify({ user_id: memberId }) })));
      }
    }
    if (channel.subscribers.size === 0) {
      this.channels.delete(name);
      if (channelKind(name) !== 'user') this.webhooks.channelVacated(name);
    }
    return departed;
  }

  /**
   * Closes the connections holding a channel whose permission the app has withdrawn: on a
   * presence channel with `userId`, only that member's connections; otherwise every subscriber,
   * since the server cannot tell whose a private-channel signature was. Taking the channel away
   * and letting the client ask again is not enough: a channel signature has no nonce, so a
   * revoked client could replay its old subscribe frame on the same socket. Closing with 4200
   * makes pusher-js reconnect at once with a new socket id, which every old signature fails,
   * and subscribe each channel again through the app's authorizer. Returns how many were closed.
   */
  revoke(name: string, userId?: string): number {
    const channel = this.channels.get(name);
    if (!channel) return 0;
    const byMember = userId !== undefined && channel.members !== undefined;
    const affected = [...channel.subscribers].filter((connection) => !byMember || connection.presenceAs.get(name) === userId);
    const notice = errorFrame(ErrorCode.reconnect, 'Subscription revoked: reconnect and subscribe again');
    for (const connection of affected) {
      if (connection.socket.readyState === 1) {
        connection.socket.send(notice);
        connection.socket.close(ErrorCode.reconnect, 'Subscription revoked');
      }
    }
    // Forgotten now rather than on the socket's 'close' event, which comes later: nothing sent
    // after revoke() returns reaches them, and the others see member_removed at once.
    for (const connection of affected) this.remove(connection);
    return affected.length;
  }

  /** Sends the same bytes to every subscriber but the excluded one; returns how many got it. */
  broadcast(name: string, frame: Buffer, except?: Connection | string): number {
    const channel = this.channels.get(name);
    if (!channel) return 0;
    let sent = 0;
    for (const connection of channel.subscribers) {
      if (connection === except || connection.socketId === except) continue;
      if (connection.socket.readyState !== 1) continue;
      connection.socket.send(frame, { binary: false });
      sent += 1;
    }
    return sent;
  }

  presence(name: string): { ids: string[]; hash: Record<string, unknown>; count: number } {
    const members = this.channels.get(name)?.members ?? new Map<string, Member>();
    const hash: Record<string, unknown> = {};
    for (const [id, member] of members) hash[id] = member.info ?? null;
    return { ids: [...members.keys()], hash, count: members.size };
  }

  info(name: string): ChannelInfo {
    const channel = this.channels.get(name);
    const info: ChannelInfo = { occupied: Boolean(channel), subscription_count: channel?.subscribers.size ?? 0 };
    if (channelKind(name) === 'presence') info.user_count = channel?.members?.size ?? 0;
    return info;
  }

  occupiedChannels(prefix = ''): string[] {
    return [...this.channels.keys()].filter((name) => name.startsWith(prefix));
  }

  memberIds(name: string): string[] {
    return [...(this.channels.get(name)?.members?.keys() ?? [])];
  }

  private forgetUser(connection: Connection): void {
    const set = this.users.get(connection.userId!);
    set?.delete(connection);
    if (set?.size === 0) this.users.delete(connection.userId!);
    connection.userId = undefined;
  }
}
