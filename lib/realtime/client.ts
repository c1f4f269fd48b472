'use client';
import { createContext, createElement, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type Pusher from 'pusher-js';
import type { Channel, PresenceChannel } from 'pusher-js';
import type { z } from 'zod';
import { userChannel } from './channels';
import type { RealtimeClientSettings } from './settings';

export { userChannel, channelName } from './channels';
export type { RealtimeClientSettings } from './settings';

/**
 * One pusher-js connection per tab, shared by every component. Channels are reference-counted:
 * pusher-js has one Channel object per name, so a component that unmounts must not unsubscribe
 * a channel another component still listens on.
 */
class RealtimeConnection {
  private readonly refs = new Map<string, number>();
  readonly pusher: Promise<Pusher>;

  constructor(settings: RealtimeClientSettings) {
    // Loaded on demand: the socket library stays out of every page's first-load JavaScript.
    this.pusher = import('pusher-js').then(
      ({ default: PusherJs }) =>
        new PusherJs(settings.key, {
          cluster: settings.cluster ?? '',
          ...(settings.cluster ? {} : { wsHost: settings.host, wsPort: settings.port, wssPort: settings.port }),
          forceTLS: settings.useTLS,
          enabledTransports: ['ws', 'wss'],
          disableStats: true,
          channelAuthorization: { endpoint: '/api/realtime/auth', transport: 'ajax' },
          userAuthentication: { endpoint: '/api/realtime/auth', transport: 'ajax' },
        }),
    );
  }

  async hold(name: string): Promise<Channel> {
    this.refs.set(name, (this.refs.get(name) ?? 0) + 1);
    // Permission is checked only at subscribe time. When the app withdraws it, the server closes
    // the sockets holding the channel (4200) and pusher-js reconnects and subscribes every held
    // channel again through /api/realtime/auth, which refuses a removed member.
    return (await this.pusher).subscribe(name);
  }

  async release(name: string): Promise<void> {
    const left = (this.refs.get(name) ?? 1) - 1;
    if (left > 0) return void this.refs.set(name, left);
    this.refs.delete(name);
    (await this.pusher).unsubscribe(name);
  }

  async close(): Promise<void> {
    (await this.pusher).disconnect();
  }
}

let shared: { key: string; connection: RealtimeConnection } | undefined;

/**
 * The tab's one connection, made on first use in the browser and kept for the life of the tab
 * (navigations and re-renders reuse it; only different settings replace it).
 */
function sharedConnection(settings: RealtimeClientSettings): RealtimeConnection {
  const key = JSON.stringify(settings);
  if (shared?.key !== key) {
    void shared?.connection.close();
    shared = { key, connection: new RealtimeConnection(settings) };
  }
  return shared.connection;
}

const RealtimeContext = createContext<{ connection: RealtimeConnection | null; personId: string } | null>(null);

/**
 * Connects a signed-in browser and keeps its own user channel open for as long as the app is
 * open: that open channel is how the server knows the person is online.
 */
export function RealtimeProvider({ settings, personId, children }: { settings: RealtimeClientSettings; personId: string; children: ReactNode }) {
  const connection = typeof window === 'undefined' ? null : sharedConnection(settings);
  useEffect(() => {
    if (!connection) return;
    const name = userChannel(personId);
    let live = true;
    let held: Channel | undefined;
    // Marks the document while live updates flow, for styles and end-to-end checks to key on.
    const mark = () => live && document.documentElement.setAttribute('data-realtime', 'live');
    const unmark = () => document.documentElement.removeAttribute('data-realtime');
    const onState = ({ current }: { current: string }) => current !== 'connected' && unmark();
    void connection.hold(name).then(async (channel) => {
      held = channel;
      if (channel.subscribed) mark();
      channel.bind('pusher:subscription_succeeded', mark);
      channel.bind('pusher:subscription_error', unmark);
      (await connection.pusher).connection.bind('state_change', onState);
    });
    return () => {
      live = false;
      held?.unbind('pusher:subscription_succeeded', mark);
      held?.unbind('pusher:subscription_error', unmark);
      void connection.pusher.then((pusher) => pusher.connection.unbind('state_change', onState));
      unmark();
      void connection.release(name);
    };
  }, [connection, personId]);

  const value = useMemo(() => ({ connection, personId }), [connection, personId]);
  return createElement(RealtimeContext.Provider, { value }, children);
}

export interface ChannelOptions {
  /**
   * Called when the channel is subscribed again after the connection dropped: events sent in
   * between are lost, so refetch what the page shows.
   */
  onReconnect?: () => void;
}

/**
 * Listens for `event` on `name` while the component is mounted. Payloads are parsed with the
 * domain's zod schema from its events.ts; one that does not parse is dropped, never handed on.
 */
export function useChannel<Schema extends z.ZodType>(
  name: string | null,
  event: string,
  schema: Schema,
  handler: (payload: z.output<Schema>) => void,
  options: ChannelOptions = {},
): boolean {
  const connection = useContext(RealtimeContext)?.connection;
  // Whether the channel is joined right now (pages and tests can tell "live" from "not yet").
  const [joined, setJoined] = useState(false);
  const latest = useRef({ schema, handler, options });
  useEffect(() => {
    latest.current = { schema, handler, options };
  });

  useEffect(() => {
    if (!connection || !name) return;
    let channel: Channel | undefined;
    let subscribedBefore = false;
    let active = true;
    const onEvent = (data: unknown) => {
      const parsed = latest.current.schema.safeParse(data);
      if (parsed.success) latest.current.handler(parsed.data);
      else console.warn(`realtime: dropped a malformed ${event} event on ${name}`);
    };
    const onSubscribed = () => {
      if (subscribedBefore) latest.current.options.onReconnect?.();
      subscribedBefore = true;
      setJoined(true);
    };
    // Refused, as after a revoke once the app no longer authorizes this person: nothing arrives.
    const onLeft = () => setJoined(false);
    void connection.hold(name).then((held) => {
      if (!active) return;
      channel = held;
      subscribedBefore = held.subscribed;
      if (held.subscribed) setJoined(true);
      held.bind(event, onEvent);
      held.bind('pusher:subscription_succeeded', onSubscribed);
      held.bind('pusher:subscription_error', onLeft);
    });
    return () => {
      active = false;
      setJoined(false);
      channel?.unbind(event, onEvent);
      channel?.unbind('pusher:subscription_succeeded', onSubscribed);
      channel?.unbind('pusher:subscription_error', onLeft);
      void connection.release(name);
    };
  }, [connection, name, event]);
  return joined;
}

/** `useChannel` on the signed-in person's own user channel, where their personal events arrive. */
export function useOwnChannel<Schema extends z.ZodType>(event: string, schema: Schema, handler: (payload: z.output<Schema>) => void, options: ChannelOptions = {}): boolean {
  const personId = useContext(RealtimeContext)?.personId;
  return useChannel(personId ? userChannel(personId) : null, event, schema, handler, options);
}

/**
 * Joins a presence channel: who of its members has it open, and client events between them.
 * The realtime server stamps each client event with the sender's user id from their signed
 * membership, so `from` can be trusted; a browser cannot speak for someone else.
 */
export function usePresence(
  name: string | null,
  clientEvent: string,
  onClientEvent: (data: unknown, from: string) => void,
): { memberIds: string[]; trigger: (data: object) => void } {
  const connection = useContext(RealtimeContext)?.connection;
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const channelRef = useRef<PresenceChannel | null>(null);
  const latest = useRef(onClientEvent);
  useEffect(() => {
    latest.current = onClientEvent;
  });

  useEffect(() => {
    if (!connection || !name) return;
    let active = true;
    let channel: PresenceChannel | undefined;
    const refresh = () => {
      if (!channel || !active) return;
      const ids: string[] = [];
      channel.members.each((member: { id: string }) => void ids.push(member.id));
      setMemberIds(ids);
    };
    const onEvent = (data: unknown, metadata?: { user_id?: string }) => {
      if (metadata?.user_id) latest.current(data, metadata.user_id);
    };
    void connection.hold(name).then((held) => {
      if (!active) return;
      channel = held as PresenceChannel;
      channelRef.current = channel;
      if (channel.subscribed) refresh();
      channel.bind('pusher:subscription_succeeded', refresh);
      // A refused subscription (after a revoke's reconnect) has emptied the member list: show that.
      channel.bind('pusher:subscription_error', refresh);
      channel.bind('pusher:member_added', refresh);
      channel.bind('pusher:member_removed', refresh);
      channel.bind(clientEvent, onEvent);
    });
    return () => {
      active = false;
      channelRef.current = null;
      setMemberIds([]);
      channel?.unbind('pusher:subscription_succeeded', refresh);
      channel?.unbind('pusher:subscription_error', refresh);
      channel?.unbind('pusher:member_added', refresh);
      channel?.unbind('pusher:member_removed', refresh);
      channel?.unbind(clientEvent, onEvent);
      void connection.release(name);
    };
  }, [connection, name, clientEvent]);

  const trigger = useMemo(
    () => (data: object) => {
      const channel = channelRef.current;
      if (channel?.subscribed) channel.trigger(clientEvent, data);
    },
    [clientEvent],
  );
  return { memberIds, trigger };
}
