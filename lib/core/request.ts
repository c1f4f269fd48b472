import 'server-only';
import { headers } from 'next/headers';

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
