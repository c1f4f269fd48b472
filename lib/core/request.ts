import 'server-only';
import { headers } from 'next/headers';
import { env } from './env';

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry. Next.js
 * fills the header from the socket when nothing in front of it did; behind a reverse proxy,
 * that proxy must set it.
 */
export async function clientIp(): Promise<string> {
  const forwarded = (await headers()).get('x-forwarded-for');
  const last = forwarded?.split(',').pop()?.trim();
  return last || 'unknown';
}

/**
 * The origin for links that leave the app (mail, QR codes). AUTH_URL when set — a secure deployment sets it, so a forged
 * Host header can never point a reset link elsewhere; otherwise the address this request came to.
 */
export async function requestOrigin(): Promise<string> {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const list = await headers();
  const origin = list.get('origin');
  if (origin && /^https?:\/\/[^/\s]+$/.test(origin)) return origin;
  const host = list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost:3000';
  const proto = list.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}
