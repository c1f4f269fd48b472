import 'server-only';
import { headers } from 'next/headers';
import { env } from './env';

/**
 * The address people reach Plaza at, for links that leave the app (QR codes, mail): AUTH_URL
 * when configured, else what the current request was addressed to.
 */
export async function publicOrigin(): Promise<string> {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const incoming = await headers();
  const host = incoming.get('x-forwarded-host') ?? incoming.get('host') ?? 'localhost:3000';
  const protocol = incoming.get('x-forwarded-proto') ?? 'http';
  return `${protocol}://${host}`;
}
