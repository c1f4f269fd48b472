import autocannon from 'autocannon';

export type LoadFigures = { connections: number; seconds: number; requests: number; perSecond: number; p50: number; p95: number };

/**
 * GETs `url` with `connections` concurrent connections for `seconds`, each request carrying
 * `headers`. Latency percentiles come from every response's own time (autocannon's summary
 * has no p95). Any error, timeout or non-2xx answer (a redirect to sign-in among them) fails
 * the run: figures of error pages would flatter the app.
 */
export function load(url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<LoadFigures> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers, timeout: 30 }, (error, result) => {
      if (error) return reject(error);
      if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
        return reject(new Error(`${url} with ${connections} connections: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`));
      }
      latencies.sort((a, b) => a - b);
      const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
      resolve({ connections, seconds, requests: latencies.length, perSecond: latencies.length / seconds, p50: pick(0.5), p95: pick(0.95) });
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}
