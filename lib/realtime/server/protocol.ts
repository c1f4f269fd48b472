import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Pusher Channels protocol 7: error codes the clients act on, channel kinds and signatures.
 * Close codes 4000–4099 make pusher-js give up, 4100–4199 back off, 4200–4299 reconnect at once.
 */
export const ErrorCode = {
  appNotFound: 4001,
  unsupportedProtocol: 4007,
  noProtocol: 4008,
  unauthorized: 4009,
  overCapacity: 4100,
  reconnect: 4200,
  pongNotReceived: 4201,
  invalidMessage: 4300,
  clientEventRejected: 4301,
} as const;

export const supportedProtocols = { min: 5, max: 7 };

export type ChannelKind = 'public' | 'private' | 'presence' | 'encrypted' | 'user';

const channelNamePattern = /^[A-Za-z0-9_\-=@,.;]+$/;
export const serverToUserPrefix = '#server-to-user-';

export function channelKind(name: string): ChannelKind {
  if (name.startsWith('private-encrypted-')) return 'encrypted';
  if (name.startsWith('private-')) return 'private';
  if (name.startsWith('presence-')) return 'presence';
  if (name.startsWith(serverToUserPrefix)) return 'user';
  return 'public';
}

export function isValidChannelName(name: unknown, maxLength: number): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > maxLength) return false;
  if (name.startsWith(serverToUserPrefix)) return name.length > serverToUserPrefix.length && channelNamePattern.test(name.slice(serverToUserPrefix.length));
  return channelNamePattern.test(name);
}

export function hmacHex(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

export function md5Hex(data: string | Buffer): string {
  return createHash('md5').update(data).digest('hex');
}

/** Compares in constant time, so a signature cannot be guessed byte by byte from timing. */
export function sameSecret(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks a socket's `key:signature` token against what the app secret signs for `data`. */
export function verifySocketAuth(auth: unknown, data: string, app: { key: string; secret: string }): boolean {
  if (typeof auth !== 'string') return false;
  const colon = auth.indexOf(':');
  if (colon < 0 || auth.slice(0, colon) !== app.key) return false;
  return sameSecret(hmacHex(app.secret, data), auth.slice(colon + 1));
}

/** A frame as the clients expect it: `data` is always a JSON string. */
export function encodeFrame(event: string, data: unknown, channel?: string, extra?: Record<string, string>): string {
  const frame: Record<string, unknown> = { event, data: typeof data === 'string' ? data : JSON.stringify(data) };
  if (channel !== undefined) frame.channel = channel;
  if (extra) Object.assign(frame, extra);
  return JSON.stringify(frame);
}

/** `pusher:error` carries an object, as the protocol documents it. */
export function errorFrame(code: number | null, message: string): string {
  return JSON.stringify({ event: 'pusher:error', data: { code, message } });
}
