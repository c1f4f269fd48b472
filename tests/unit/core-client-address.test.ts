import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinClientAddress, trustedClientAddress } from '@/scripts/lib/client-address';

/** Plaza's server entry in front of a handler that answers with the forwarding headers it was given. */
function entry(trustedProxies: number): Server {
  return createServer((request, response) => {
    pinClientAddress(request, trustedProxies);
    response.end(JSON.stringify({ for: request.headers['x-forwarded-for'], host: request.headers['x-forwarded-host'] ?? null }));
  });
}

function get(server: Server, headers: Record<string, string>): Promise<{ for: string; host: string | null }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the client address Plaza counts', () => {
  const direct = entry(0);
  const behindOneProxy = entry(1);
  beforeAll(async () => {
    await Promise.all([direct, behindOneProxy].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
  });
  afterAll(() => {
    direct.close();
    behindOneProxy.close();
  });

  it('is the socket\'s, whatever X-Forwarded-For and X-Forwarded-Host the client sends', async () => {
    await expect(get(direct, { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-host': 'evil.example' })).resolves.toEqual({ for: '127.0.0.1', host: null });
    await expect(get(direct, {})).resolves.toEqual({ for: '127.0.0.1', host: null });
  });

  it('behind trusted proxies, is the address the outermost trusted one saw; a client-sent prefix is ignored', async () => {
    await expect(get(behindOneProxy, { 'x-forwarded-for': '203.0.113.7' })).resolves.toMatchObject({ for: '203.0.113.7' });
    expect(trustedClientAddress('6.6.6.6, 203.0.113.7', '10.0.0.2', 1)).toBe('203.0.113.7');
    expect(trustedClientAddress('6.6.6.6, 203.0.113.7, 10.0.0.9', '10.0.0.2', 2)).toBe('203.0.113.7');
    // Fewer hops than configured (a request that skipped a proxy): the farthest address there is.
    expect(trustedClientAddress(undefined, '::ffff:198.51.100.4', 1)).toBe('198.51.100.4');
  });
});
