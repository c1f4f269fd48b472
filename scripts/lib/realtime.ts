import { startChild, waitForHttp } from './processes';

/**
 * Starts the embedded realtime server (lib/realtime/server) as its own process and waits until
 * it answers. Its webhooks go to the app at `appUrl`; until the app is up they are retried.
 */
export async function startRealtime(options: { env: NodeJS.ProcessEnv; port: number; appUrl: string; quiet?: boolean; extraEnv?: Record<string, string> }): Promise<Record<string, string>> {
  const realtimeEnv: Record<string, string> = {
    PUSHER_PORT: String(options.port),
    REALTIME_WEBHOOK_URL: options.env.REALTIME_WEBHOOK_URL ?? `${options.appUrl}/api/realtime/webhook`,
    ...options.extraEnv,
  };
  const env = { ...options.env, ...realtimeEnv };
  startChild(process.execPath, ['--import', 'tsx', 'lib/realtime/server/main.ts'], { env, ...(options.quiet ? { stdio: ['ignore', 'ignore', 'inherit'] } : {}) });
  await waitForHttp(`http://127.0.0.1:${options.port}/`);
  return realtimeEnv;
}
