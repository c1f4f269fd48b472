import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './processes';

/**
 * A build is current when nothing it is made from changed since. The fingerprint covers the
 * source folders and build configuration (names, sizes and modification times).
 */
const inputs = ['app', 'components', 'lib', 'public', 'proxy.ts', 'next.config.ts', 'tsconfig.json', 'package-lock.json', 'postcss.config.mjs', 'types'];
const fingerprintFile = join('.next', 'plaza-build-fingerprint');

function walk(path: string, into: string[]): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) walk(join(path, entry), into);
  } else {
    into.push(`${path}:${stat.size}:${Math.floor(stat.mtimeMs)}`);
  }
}

export function sourceFingerprint(): string {
  const lines: string[] = [];
  for (const input of inputs) walk(input, lines);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export function buildIsCurrent(): boolean {
  if (!existsSync(join('.next', 'BUILD_ID')) || !existsSync(fingerprintFile)) return false;
  return readFileSync(fingerprintFile, 'utf8') === sourceFingerprint();
}

/** Builds the app unless the existing build is current. */
export async function ensureBuild(log: (line: string) => void): Promise<void> {
  if (buildIsCurrent()) return;
  log('Building Plaza (first start or changed sources; about a minute)…');
  const fingerprint = sourceFingerprint();
  const code = await run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    detached: false,
  });
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  writeFileSync(fingerprintFile, fingerprint);
}
