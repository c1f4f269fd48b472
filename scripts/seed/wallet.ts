import { acceptTransfer, grantPromotion, transfer } from '@/lib/pay';
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
  // Money waiting for Ana (a transfer from Priya, Sofia's red packet) is sent in chat: see chat.ts.
  return `${viewers.size} wallets with a welcome credit, 2 transfers`;
}
