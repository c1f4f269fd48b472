import { describe, expect, it } from 'vitest';

// This file runs in its own process (Vitest isolates files), so the providers configured here
// apply to it only; env() reads process.env once.
process.env.DATABASE_URL ??= 'postgresql://localhost/plaza';
process.env.PUSHER_SECRET ??= 'realtime-secret-for-this-test';
process.env.OIDC_ISSUER = 'https://login.example.org/realms/plaza';
process.env.OIDC_CLIENT_ID = 'plaza';
process.env.OIDC_CLIENT_SECRET = 'secret';
delete process.env.OIDC_NAME;
process.env.AUTH_GITHUB_ID = 'gh-id';
process.env.AUTH_GITHUB_SECRET = 'gh-secret';
delete process.env.AUTH_GOOGLE_ID;
delete process.env.AUTH_GOOGLE_SECRET;
const { externalAuthProviders, externalProviders } = await import('@/lib/core/auth-providers');
const { parseEnv } = await import('@/lib/core/env');

describe('sign-in providers from configuration', () => {
  it('offers each fully configured provider, named by OIDC_NAME or the issuer host', () => {
    expect(externalProviders()).toEqual([
      { id: 'oidc', name: 'login.example.org' },
      { id: 'github', name: 'GitHub' },
    ]);
    const oidc = externalAuthProviders()[0] as { type: string; issuer: string; clientId: string };
    expect(oidc).toMatchObject({ type: 'oidc', issuer: 'https://login.example.org/realms/plaza', clientId: 'plaza' });
  });

  it('offers none when none is configured, and refuses a half-configured one by name', () => {
    const base = { DATABASE_URL: 'postgresql://localhost/plaza', PUSHER_SECRET: 'realtime-secret-for-this-test' };
    const bare = parseEnv({ ...base, OIDC_ISSUER: '', AUTH_GITHUB_ID: ' ' });
    expect([bare.OIDC_ISSUER, bare.AUTH_GITHUB_ID, bare.AUTH_GOOGLE_ID]).toEqual([undefined, undefined, undefined]);
    expect(() => parseEnv({ ...base, OIDC_ISSUER: 'https://id.example', OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_CLIENT_SECRET is required/);
    expect(() => parseEnv({ ...base, AUTH_GOOGLE_SECRET: 'x' })).toThrow(/AUTH_GOOGLE_ID is required/);
    expect(() => parseEnv({ ...base, OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' })).toThrow(/OIDC_ISSUER/);
  });
});
