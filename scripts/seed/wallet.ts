import { acceptTransfer, claimRedPacket, createRedPacket, grantPromotion, transfer } from '@/lib/pay';
import type { Viewer } from '@/lib/core/session';

/** Everyone starts with a welcome credit; Ana's wallet has some history to read. */
export const demoWelcomeCredit = { amount: 200_00, currency: 'USD' as const };

export async function seedWallets(viewers: Map<string, Viewer>): Promise<string> {
  const as = (handle: string) => viewers.get(handle)!;
  for (const [handle, viewer] of viewers) {
    await grantPromotion({ kind: 'system' }, viewer.id, demoWelcomeCredit.amount, demoWelcomeCredit.currency, `demo-welcome:${handle}`);
  }
  await grantPromotion({ kind: 'system' }, as('ana').id, 50_00, 'EUR', 'demo-welcome-eur:ana');

  const coffee = await transfer(as('mei'), { to: as('ana').id, amount: 12_50, currency: 'USD', note: 'Coffee last week ☕', context: '', idempotencyKey: 'demo-transfer-coffee' });
  await acceptTransfer(as('ana'), coffee.id);
  await transfer(as('ana'), { to: as('tomas').id, amount: 18_00, currency: 'USD', note: 'Sourdough for the picnic', context: '', idempotencyKey: 'demo-transfer-bread' });
  // Waiting for Ana to accept: the wallet's "money waiting for you".
  await transfer(as('priya'), { to: as('ana').id, amount: 25_00, currency: 'USD', note: 'Concert tickets', context: '', idempotencyKey: 'demo-transfer-tickets' });

  const packet = await createRedPacket(as('sofia'), {
    eligible: ['ana', 'tomas', 'mei'].map((handle) => as(handle).id),
    shares: 3,
    total: 30_00,
    currency: 'USD',
    mode: 'random',
    context: 'Weekend hikers',
    idempotencyKey: 'demo-redpacket-hikers',
  });
  await claimRedPacket(as('tomas'), packet.id);
  await claimRedPacket(as('mei'), packet.id);
  return `${viewers.size} wallets with a welcome credit, 3 transfers, a red packet Ana has not opened yet`;
}
