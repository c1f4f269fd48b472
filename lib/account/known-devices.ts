import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { env } from '@/lib/core/env';

/**
 * A browser that has signed in to an account before carries a signed cookie saying so. Its
 * password attempts are counted apart from everyone else's, so a stranger guessing at an
 * account can use up only the strangers' allowance, never lock its owner out.
 */
export const knownDeviceCookie = 'plaza-device';
const maxAccountsPerDevice = 5;

const payloadSchema = z.object({ d: z.string().min(16).max(64), a: z.array(z.string().min(1).max(64)).max(maxAccountsPerDevice) });
export type KnownDevice = { deviceId: string; accountIds: string[] };

function signature(payload: string): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set');
  return createHmac('sha256', `plaza-known-device:${secret}`).update(payload).digest();
}

/** The device named by a cookie value, or null when it is missing, malformed or not ours. */
export function readKnownDevice(value: string | null | undefined): KnownDevice | null {
  if (!value) return null;
  const [payload, mac] = value.split('.');
  if (!payload || !mac) return null;
  const given = Buffer.from(mac, 'base64url');
  const expected = signature(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null; // signed by us but unreadable: treat as no cookie
  }
  const parsed = payloadSchema.safeParse(decoded);
  return parsed.success ? { deviceId: parsed.data.d, accountIds: parsed.data.a } : null;
}

/** The cookie value after `accountId` signed in on this device (most recent account first). */
export function rememberDevice(current: KnownDevice | null, accountId: string): string {
  const deviceId = current?.deviceId ?? randomBytes(16).toString('base64url');
  const accountIds = [accountId, ...(current?.accountIds ?? []).filter((id) => id !== accountId)].slice(0, maxAccountsPerDevice);
  const payload = Buffer.from(JSON.stringify({ d: deviceId, a: accountIds })).toString('base64url');
  return `${payload}.${signature(payload).toString('base64url')}`;
}

/** Reads the cookie out of a raw Cookie header (the sign-in callback sees only the request). */
export function knownDeviceFromCookieHeader(header: string | null): KnownDevice | null {
  const pair = header?.split(/;\s*/).find((part) => part.startsWith(`${knownDeviceCookie}=`));
  return readKnownDevice(pair?.slice(knownDeviceCookie.length + 1));
}
