import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A secret generated once and kept in a file only its owner can read. */
export function persistentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The secrets `npm start` keeps in .data/, for operator commands that load the app's
 * configuration (which refuses to run without them) outside `npm start`.
 */
export function loadDevelopmentSecrets(dataDir = '.data'): void {
  process.env.AUTH_SECRET ??= persistentSecret(`${dataDir}/auth-secret`);
  process.env.PUSHER_SECRET ??= persistentSecret(`${dataDir}/pusher-secret`);
}
