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
  const child = startChild(process.execPath, ['--import', 'tsx', 'lib/realtime/server/main.ts'], { env, ...(options.quiet ? { stdio: ['ignore', 'ignore', 'inherit'] } : {}) });
  // A server that refuses its configuration (no PUSHER_SECRET) exits at once; say so then,
  // rather than after waitForHttp's two minutes.
  let onExit: (code: number | null) => void = () => {};
  const exited = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`The realtime server stopped before it was ready (exit code ${code ?? 'none'}); its message is above`));
    child.once('exit', onExit);
  });
  try {
    await Promise.race([waitForHttp(`http://127.0.0.1:${options.port}/`), exited]);
  } finally {
    child.off('exit', onExit);
  }
  return realtimeEnv;
}
