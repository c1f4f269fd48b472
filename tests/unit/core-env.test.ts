import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/core/env';

const base = { DATABASE_URL: 'postgresql://localhost/plaza', PUSHER_SECRET: 'realtime-secret-for-this-test' };

describe('configuration', () => {
  it('works with nothing but a database for the embedded setup, over plain http', () => {
    const env = parseEnv(base);
    expect(env.secureDeployment).toBe(false);
    expect(env.RATE_LIMIT_SIGNIN_PER_ACCOUNT).toBe(5);
    expect(env.PUSHER_PORT).toBe(6001);
  });

  it('refuses to start a secure deployment (https AUTH_URL) without AUTH_SECRET', () => {
    expect(() => parseEnv({ ...base, AUTH_URL: 'https://plaza.example' })).toThrow(/AUTH_SECRET is required/);
    const env = parseEnv({ ...base, AUTH_URL: 'https://plaza.example', AUTH_SECRET: 'x'.repeat(40) });
    expect(env.secureDeployment).toBe(true);
  });

  it('refuses to start without a realtime secret of its own, even over plain http', () => {
    const { PUSHER_SECRET: _, ...withoutSecret } = base;
    expect(() => parseEnv(withoutSecret)).toThrow(/PUSHER_SECRET is not set: run `npm start`[^\n]*or set PUSHER_SECRET/);
    expect(() => parseEnv({ ...base, PUSHER_SECRET: '  ' })).toThrow(/PUSHER_SECRET is not set/);
    // The secret earlier versions fell back to is in the source: anyone could sign with it.
    expect(() => parseEnv({ ...base, PUSHER_SECRET: 'plaza-development-secret' })).toThrow(/PUSHER_SECRET is the published development secret[^\n]*npm start/);
    expect(parseEnv(base).PUSHER_SECRET).toBe('realtime-secret-for-this-test');
    expect(parseEnv(base)).toMatchObject({ PUSHER_APP_ID: 'plaza', PUSHER_KEY: 'plaza-key' });
  });

  it('refuses card payments in a secure deployment unless Stripe webhooks can be verified', () => {
    const secure = { ...base, AUTH_URL: 'https://plaza.example', AUTH_SECRET: 'x'.repeat(40) };
    expect(parseEnv(secure).STRIPE_SECRET_KEY).toBeUndefined();
    expect(() => parseEnv({ ...secure, STRIPE_SECRET_KEY: 'sk_live_123' })).toThrow(/STRIPE_WEBHOOK_SECRET is required/);
    expect(parseEnv({ ...secure, STRIPE_SECRET_KEY: 'sk_live_123', STRIPE_WEBHOOK_SECRET: 'whsec_abc' }).STRIPE_WEBHOOK_SECRET).toBe('whsec_abc');
    expect(parseEnv({ ...base, STRIPE_API_PORT: '12111', STRIPE_API_PROTOCOL: 'http' })).toMatchObject({ STRIPE_API_PORT: 12111, STRIPE_API_PROTOCOL: 'http' });
    expect(() => parseEnv({ ...base, STRIPE_API_PROTOCOL: 'ftp' })).toThrow(/STRIPE_API_PROTOCOL/);
  });

  it('names every invalid setting at once', () => {
    expect(() => parseEnv({ RATE_LIMIT_SIGNIN_PER_IP: '-3' })).toThrow(/DATABASE_URL[\s\S]*RATE_LIMIT_SIGNIN_PER_IP/);
  });

  it('builds links from its own address unless AUTH_URL names the public one', () => {
    expect(parseEnv(base).PLAZA_LISTEN_URL).toBe('http://localhost:3000');
    expect(parseEnv({ ...base, PLAZA_TRUSTED_PROXIES: '1' }).PLAZA_TRUSTED_PROXIES).toBe(1);
    expect(() => parseEnv({ ...base, PLAZA_TRUSTED_PROXIES: '-1' })).toThrow(/PLAZA_TRUSTED_PROXIES/);
  });
});
