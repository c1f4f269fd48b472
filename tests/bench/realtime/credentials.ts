import { developmentCredentials } from '@/lib/realtime/server/config';

/** The one public channel the benchmarks fan out on; the server under test is told to serve it. */
export const benchChannel = 'bench';

/**
 * The app credentials every bench process uses: the embedded server has no default secret, so
 * tests/bench/run.ts puts one in the environment that its child processes inherit. Kept apart
 * from the SDKs so the server's own process loads neither.
 */
export function benchCredentials(): { appId: string; key: string; secret: string } {
  const secret = process.env.PUSHER_SECRET;
  if (!secret) throw new Error('PUSHER_SECRET is not set: run benchmarks with `npm run bench`, which sets one');
  return { ...developmentCredentials, secret };
}
