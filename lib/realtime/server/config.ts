/**
 * The realtime server's own configuration (DESIGN.md rule 8): it runs as its own process and
 * does not load the app's env module. Names match Pusher's, so the app and the server read the
 * same variables; every setting has a working default for the embedded setup.
 */
export interface RealtimeServerConfig {
  appId: string;
  key: string;
  secret: string;
  /** Address the server listens on. */
  bindHost: string;
  port: number;
  /** Where channel and member webhooks are POSTed; none are sent without it. */
  webhookUrl?: string;
  /** Seconds of silence after which the server pings a client (also told to clients). */
  activityTimeoutSeconds: number;
  /** How long a pinged client has to answer before it is closed with 4201. */
  pongTimeoutMs: number;
  /**
   * channel_vacated / member_removed are held back this long, and dropped when the channel or
   * member comes back in time, so a page reload does not flap someone offline and online.
   */
  webhookVacateDelayMs: number;
  /**
   * Public channels need no signature, so any page that knows the app key could open one and
   * use the server as a free relay: only these names are accepted, or every name with 'any'.
   */
  publicChannels: readonly string[] | 'any';
  limits: RealtimeLimits;
}

export interface RealtimeLimits {
  channelNameLength: number;
  eventNameLength: number;
  eventDataBytes: number;
  channelsPerEvent: number;
  eventsPerBatch: number;
  presenceMembers: number;
  /** Subscriptions one connection may hold at once; each costs the server memory and fan-out. */
  channelsPerConnection: number;
  clientEventsPerSecond: number;
  /** Any frames at all: a flood beyond this is refused, never queued. */
  framesPerSecond: number;
  /** A frame larger than this is closed at the WebSocket layer (1009) before it is read. */
  frameBytes: number;
  httpBodyBytes: number;
  /** Accepted skew of `auth_timestamp` on HTTP API calls. */
  timestampSkewSeconds: number;
}

export const defaultLimits: RealtimeLimits = {
  channelNameLength: 164,
  eventNameLength: 200,
  eventDataBytes: 10 * 1024,
  channelsPerEvent: 100,
  eventsPerBatch: 10,
  presenceMembers: 100,
  channelsPerConnection: 100,
  clientEventsPerSecond: 10,
  framesPerSecond: 100,
  frameBytes: 256 * 1024,
  httpBodyBytes: 1024 * 1024,
  timestampSkewSeconds: 600,
};

/**
 * The embedded setup's app id and key. They are public (browsers are told the key), so there is
 * no default secret: `npm start` generates one and hands it to the app and this server alike.
 */
export const developmentCredentials = { appId: 'plaza', key: 'plaza-key' } as const;

/**
 * The secret earlier versions fell back to. It is published in this repository, so a server
 * using it would accept anyone's signature for any private or presence channel.
 */
const publishedDevelopmentSecret = 'plaza-development-secret';

/**
 * Plaza's own public channels: none, since every channel it uses is private- or presence-
 * (lib/realtime/channels.ts). REALTIME_PUBLIC_CHANNELS names others, comma-separated, or `*`.
 */
export const plazaPublicChannels: readonly string[] = [];

const secretHelp = 'run `npm start`, which generates one in .data/pusher-secret, or set PUSHER_SECRET to the secret the app signs with';

/** Throws unless `secret` is one only the app and this server know. */
function usableSecret(secret: string | undefined): string {
  const value = secret?.trim();
  if (!value) throw new Error(`Plaza realtime cannot start: PUSHER_SECRET is not set; ${secretHelp}`);
  if (value === publishedDevelopmentSecret) {
    throw new Error(`Plaza realtime cannot start: PUSHER_SECRET is the published development secret, with which anyone can sign private channels; ${secretHelp}`);
  }
  return value;
}

function publicChannels(value: string | undefined): readonly string[] | 'any' {
  if (value === undefined || value.trim() === '') return plazaPublicChannels;
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  return names.includes('*') ? 'any' : names;
}

function number(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number, not "${value}"`);
  return parsed;
}

export function readRealtimeConfig(env: Record<string, string | undefined> = process.env): RealtimeServerConfig {
  return {
    appId: env.PUSHER_APP_ID || developmentCredentials.appId,
    key: env.PUSHER_KEY || developmentCredentials.key,
    secret: usableSecret(env.PUSHER_SECRET),
    bindHost: env.REALTIME_BIND_HOST || '127.0.0.1',
    port: number(env.PUSHER_PORT, 6001, 'PUSHER_PORT'),
    webhookUrl: env.REALTIME_WEBHOOK_URL || undefined,
    activityTimeoutSeconds: number(env.REALTIME_ACTIVITY_TIMEOUT_SECONDS, 120, 'REALTIME_ACTIVITY_TIMEOUT_SECONDS'),
    pongTimeoutMs: number(env.REALTIME_PONG_TIMEOUT_MS, 30_000, 'REALTIME_PONG_TIMEOUT_MS'),
    webhookVacateDelayMs: number(env.REALTIME_WEBHOOK_VACATE_DELAY_MS, 3000, 'REALTIME_WEBHOOK_VACATE_DELAY_MS'),
    publicChannels: publicChannels(env.REALTIME_PUBLIC_CHANNELS),
    limits: defaultLimits,
  };
}

/**
 * The environment's configuration with `overrides` on top. A secret given as an override is
 * checked like one from the environment, and spares the environment from needing one.
 */
export function resolveRealtimeConfig(overrides: Partial<RealtimeServerConfig> = {}, env: Record<string, string | undefined> = process.env): RealtimeServerConfig {
  const source = overrides.secret === undefined ? env : { ...env, PUSHER_SECRET: overrides.secret };
  const config = readRealtimeConfig(source);
  return { ...config, ...overrides, secret: config.secret };
}
