/** The realtime server's own configuration: no default secret, and Plaza's public channel names. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { plazaPublicChannels, readRealtimeConfig, resolveRealtimeConfig } from './config';
import { startRealtimeServer } from './server';

const secret = 'realtime-secret-for-this-test';
const published = 'plaza-development-secret';

describe('realtime server configuration', () => {
  it('refuses to start without a secret, saying how to get one', () => {
    expect(() => readRealtimeConfig({})).toThrow(/PUSHER_SECRET is not set; run `npm start`[^\n]*or set PUSHER_SECRET/);
    expect(() => readRealtimeConfig({ PUSHER_SECRET: ' ' })).toThrow(/PUSHER_SECRET is not set/);
    // Over plain http too: the embedded setup is no excuse for a secret anyone can read.
    expect(() => readRealtimeConfig({ AUTH_URL: 'http://localhost:3000' })).toThrow(/PUSHER_SECRET is not set/);
  });

  it('refuses the development secret earlier versions fell back to, which is published', () => {
    expect(() => readRealtimeConfig({ PUSHER_SECRET: published })).toThrow(/published development secret[^\n]*npm start/);
    expect(() => readRealtimeConfig({ PUSHER_SECRET: ` ${published} ` })).toThrow(/published development secret/);
    // A secret given in code is checked like one from the environment.
    expect(() => resolveRealtimeConfig({ secret: published }, { PUSHER_SECRET: secret })).toThrow(/published development secret/);
    expect(() => resolveRealtimeConfig({ secret: '' }, { PUSHER_SECRET: secret })).toThrow(/PUSHER_SECRET is not set/);
  });

  it('keeps the embedded app id and key as defaults, and takes the secret from either place', () => {
    expect(readRealtimeConfig({ PUSHER_SECRET: secret })).toMatchObject({ appId: 'plaza', key: 'plaza-key', secret });
    expect(resolveRealtimeConfig({ secret: 'given-in-code' }, {}).secret).toBe('given-in-code');
  });

  it('serves Plaza’s public channel names unless told others, or `*` for any', () => {
    expect(readRealtimeConfig({ PUSHER_SECRET: secret }).publicChannels).toEqual(plazaPublicChannels);
    expect(readRealtimeConfig({ PUSHER_SECRET: secret, REALTIME_PUBLIC_CHANNELS: ' lobby, news ,' }).publicChannels).toEqual(['lobby', 'news']);
    expect(readRealtimeConfig({ PUSHER_SECRET: secret, REALTIME_PUBLIC_CHANNELS: '*' }).publicChannels).toBe('any');
  });

  it('does not listen with the published secret', async () => {
    await expect(startRealtimeServer({ port: 0, bindHost: '127.0.0.1', secret: published })).rejects.toThrow(/published development secret/);
  });

  it('exits at once with the message when run as its own process without a secret', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PUSHER_PORT: '0', REALTIME_WEBHOOK_URL: '' };
    delete env.PUSHER_SECRET;
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/realtime/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A server that started instead would never exit on its own.
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    clearTimeout(guard);
    expect(output).toMatch(/PUSHER_SECRET is not set; run `npm start`/);
    expect(output).not.toMatch(/Pusher protocol 7 on/);
    expect(code).toBe(1);
  });
});
