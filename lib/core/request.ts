import 'server-only';
import { headers } from 'next/headers';
import { env } from './env';

/**
 * The client's address: Plaza's server entry (scripts/serve.ts) replaces X-Forwarded-For with
 * the socket's address (or, behind PLAZA_TRUSTED_PROXIES proxies, the address they saw), so the
 * client cannot choose it.
 */
export async function clientIp(): Promise<string> {
  const forwarded = (await headers()).get('x-forwarded-for');
  const last = forwarded?.split(',').pop()?.trim();
  return last || 'unknown';
}

/**
 * The origin for links that leave the app (mail, QR codes, payment return pages): AUTH_URL when
 * set, otherwise the address Plaza's own server listens on (its start banner prints it). Never
 * the request's Origin, Host or X-Forwarded-Host: a forged header must not put an attacker's
 * host into a genuine reset link.
 */
export function publicOrigin(): string {
  const config = env();
  return new URL(config.AUTH_URL ?? config.PLAZA_LISTEN_URL).origin;
}
