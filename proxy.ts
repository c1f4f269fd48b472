import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/core/env';

/**
 * Sets the Content-Security-Policy per request: a fresh script nonce, and a connect-src that
 * names the realtime server, whose address is only known at run time. Redirects live in
 * layouts; nothing here guards data.
 */
export function proxy(request: NextRequest) {
  const config = env();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const realtime = `${config.PUSHER_USE_TLS ? 'wss' : 'ws'}://${config.PUSHER_HOST}:${config.PUSHER_PORT}`;
  const dev = config.NODE_ENV === 'development';
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and Next set style attributes; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self' ${realtime}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(config.secureDeployment ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Layouts read this to send a signed-out visitor back to the same page after signing in.
  requestHeaders.set('x-plaza-path', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  if (config.secureDeployment) {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload');
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Not /api/media: the proxy would buffer (and cap) upload bodies, and stored images set
      // their own strict headers.
      source: '/((?!_next/static|_next/image|icons/|sw.js|manifest.webmanifest|favicon.ico|api/media/).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
