import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };

/** A server action's id in the last build, as the browser's bundle would post it. */
export function actionId(filename: string, exportedName: string): string | undefined {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName)?.[0];
}

export type ActionCaller = (input: unknown) => Promise<unknown>;

/**
 * Calls a server action over HTTP as React's client does: a POST to the page that uses it with
 * the `Next-Action` header and the arguments as JSON; the answer is a React Flight stream whose
 * row 1 is the action's return value. One keep-alive connection, as a browser tab keeps.
 */
export function actionCaller(baseUrl: string, path: string, id: string, cookie: string): ActionCaller {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(path, baseUrl);
  return (input) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify([input]);
      const call = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'Next-Action': id,
            'Content-Type': 'text/plain;charset=UTF-8',
            Accept: 'text/x-component',
            Origin: url.origin,
            Cookie: cookie,
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (response.statusCode !== 200) return reject(new Error(`action ${id} answered HTTP ${response.statusCode}: ${text.slice(0, 300)}`));
            const row = text.split('\n').find((line) => line.startsWith('1:'));
            if (!row) return reject(new Error(`action ${id} answered no result row: ${text.slice(0, 300)}`));
            resolve(JSON.parse(row.slice(2)));
          });
          response.on('error', reject);
        },
      );
      call.on('error', reject);
      call.end(body);
    });
}
