import { afterAll, expect, it } from 'vitest';

// This file runs in its own process (Vitest isolates files), so a low per-address limit set
// before the services load applies here only.
process.env.RATE_LIMIT_SIGNIN_PER_IP = '4';
process.env.RATE_LIMIT_SIGNIN_PER_ACCOUNT = '100';
const { signUp, verifyPasswordSignIn } = await import('./service');
const { db } = await import('@/lib/core/db');

afterAll(async () => {
  await db().$disconnect();
});

it('refuses every account from an address that guessed wrong too often', async () => {
  const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
  const stamp = Date.now().toString(36);
  const victim = await signUp({ name: 'Victim', handle: `victim${stamp}`, email: `victim${stamp}@example.test`, password: 'correct horse battery staple' });
  for (let attempt = 0; attempt < 4; attempt += 1) {
    // Different accounts each time: the per-account limit never triggers.
    await expect(verifyPasswordSignIn({ email: `guess${attempt}${stamp}@example.test`, password: 'guess guess' }, { ip: ip, device: null })).rejects.toMatchObject({ code: 'INVALID' });
  }
  await expect(verifyPasswordSignIn({ email: victim.email, password: 'correct horse battery staple' }, { ip: ip, device: null })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  // Another address is not affected.
  await expect(verifyPasswordSignIn({ email: victim.email, password: 'correct horse battery staple' }, { ip: `${ip}1`, device: null })).resolves.toMatchObject({ id: victim.id });
});
