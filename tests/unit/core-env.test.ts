import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/core/env';

const base = { DATABASE_URL: 'postgresql://localhost/plaza' };

describe('configuration', () => {
  it('works with nothing but a database for the embedded setup, over plain http', () => {
    const env = parseEnv(base);
    expect(env.secureDeployment).toBe(false);
    expect(env.RATE_LIMIT_SIGNIN_PER_ACCOUNT).toBe(5);
    expect(env.PUSHER_PORT).toBe(6001);
  });

  it('refuses to start a secure deployment (https AUTH_URL) without AUTH_SECRET and PUSHER_SECRET', () => {
    expect(() => parseEnv({ ...base, AUTH_URL: 'https://plaza.example' })).toThrow(/AUTH_SECRET is required/);
    expect(() => parseEnv({ ...base, AUTH_URL: 'https://plaza.example', AUTH_SECRET: 'x'.repeat(40) })).toThrow(/PUSHER_SECRET is required/);
    const env = parseEnv({ ...base, AUTH_URL: 'https://plaza.example', AUTH_SECRET: 'x'.repeat(40), PUSHER_SECRET: 'realtime-secret' });
    expect(env.secureDeployment).toBe(true);
  });

  it('refuses card payments in a secure deployment unless Stripe webhooks can be verified', () => {
    const secure = { ...base, AUTH_URL: 'https://plaza.example', AUTH_SECRET: 'x'.repeat(40), PUSHER_SECRET: 'realtime-secret' };
    expect(parseEnv(secure).STRIPE_SECRET_KEY).toBeUndefined();
    expect(() => parseEnv({ ...secure, STRIPE_SECRET_KEY: 'sk_live_123' })).toThrow(/STRIPE_WEBHOOK_SECRET is required/);
    expect(parseEnv({ ...secure, STRIPE_SECRET_KEY: 'sk_live_123', STRIPE_WEBHOOK_SECRET: 'whsec_abc' }).STRIPE_WEBHOOK_SECRET).toBe('whsec_abc');
    expect(parseEnv({ ...base, STRIPE_API_PORT: '12111', STRIPE_API_PROTOCOL: 'http' })).toMatchObject({ STRIPE_API_PORT: 12111, STRIPE_API_PROTOCOL: 'http' });
    expect(() => parseEnv({ ...base, STRIPE_API_PROTOCOL: 'ftp' })).toThrow(/STRIPE_API_PROTOCOL/);
  });

  it('names every invalid setting at once', () => {
    expect(() => parseEnv({ RATE_LIMIT_SIGNIN_PER_IP: '-3' })).toThrow(/DATABASE_URL[\s\S]*RATE_LIMIT_SIGNIN_PER_IP/);
  });

  it('reads admin handles case-insensitively, with or without @', () => {
    expect(parseEnv({ ...base, PLAZA_ADMINS: '@Ana, mei ,' }).PLAZA_ADMINS).toEqual(['ana', 'mei']);
  });
});
