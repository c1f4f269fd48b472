import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import commonPasswords from 'fxa-common-password-list';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a refused sign-in, not a crash.
    return false;
  }
}

/** Equalises the time of "no such account" with "wrong password", so timing reveals nothing. */
let decoyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoyHash ??= hashPassword('plaza-decoy-password');
  await passwordMatches(await decoyHash, password);
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords.test(password) || commonPasswords.test(password.toLowerCase());
}
