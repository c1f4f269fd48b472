import type { IncomingMessage } from 'node:http';

/**
 * The client's address as Plaza trusts it. `next start` fills X-Forwarded-For only when the
 * request has none, so a client could name any address it liked and dodge every per-address
 * limit. Plaza's server entry calls this before Next sees the request: with no trusted proxy,
 * the socket's address; behind `trustedProxies` proxies, each of which appends the address it
 * saw, the entry that many hops back (a client-sent prefix is ignored).
 */
export function trustedClientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const socket = normalise(socketAddress ?? 'unknown');
  if (trustedProxies === 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = [...header.split(',').map((part) => part.trim()).filter(Boolean), socket];
  return normalise(hops[Math.max(0, hops.length - 1 - trustedProxies)]!);
}

/** IPv4 clients of a dual-stack socket arrive as ::ffff:1.2.3.4: count them as 1.2.3.4. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * Rewrites the forwarding headers of a request in place: X-Forwarded-For becomes the one trusted
 * address; without a trusted proxy, X-Forwarded-Host and X-Forwarded-Proto are dropped too, so
 * nothing downstream can be told another host by the client.
 */
export function pinClientAddress(request: IncomingMessage, trustedProxies: number): void {
  request.headers['x-forwarded-for'] = trustedClientAddress(request.headers['x-forwarded-for'], request.socket.remoteAddress, trustedProxies);
  if (trustedProxies === 0) {
    delete request.headers['x-forwarded-host'];
    delete request.headers['x-forwarded-proto'];
  }
}
