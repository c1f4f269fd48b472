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
  limits: RealtimeLimits;
}

export interface RealtimeLimits {
  channelNameLength: number;
  eventNameLength: number;
  eventDataBytes: number;
  channelsPerEvent: number;
  eventsPerBatch: number;
  presenceMembers: number;
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
  clientEventsPerSecond: 10,
  framesPerSecond: 100,
  frameBytes: 256 * 1024,
  httpBodyBytes: 1024 * 1024,
  timestampSkewSeconds: 600,
};

/** Development credentials: only for the embedded setup, refused in a secure deployment. */
export const developmentCredentials = { appId: 'plaza', key: 'plaza-key', secret: 'plaza-development-secret' } as const;

function number(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number, not "${value}"`);
  return parsed;
}

export function readRealtimeConfig(env: Record<string, string | undefined> = process.env): RealtimeServerConfig {
  const secure = env.AUTH_URL?.startsWith('https://') ?? false;
  if (secure && !env.PUSHER_SECRET) {
    throw new Error('Plaza realtime cannot start: PUSHER_SECRET is required when AUTH_URL is https');
  }
  return {
    appId: env.PUSHER_APP_ID || developmentCredentials.appId,
    key: env.PUSHER_KEY || developmentCredentials.key,
    secret: env.PUSHER_SECRET || developmentCredentials.secret,
    bindHost: env.REALTIME_BIND_HOST || '127.0.0.1',
    port: number(env.PUSHER_PORT, 6001, 'PUSHER_PORT'),
    webhookUrl: env.REALTIME_WEBHOOK_URL || undefined,
    activityTimeoutSeconds: number(env.REALTIME_ACTIVITY_TIMEOUT_SECONDS, 120, 'REALTIME_ACTIVITY_TIMEOUT_SECONDS'),
    pongTimeoutMs: number(env.REALTIME_PONG_TIMEOUT_MS, 30_000, 'REALTIME_PONG_TIMEOUT_MS'),
    webhookVacateDelayMs: number(env.REALTIME_WEBHOOK_VACATE_DELAY_MS, 3000, 'REALTIME_WEBHOOK_VACATE_DELAY_MS'),
    limits: defaultLimits,
  };
}
