import { startStripeFake } from './index';

/**
 * Runs the Stripe fake on its own (for `npm test`'s end-to-end run or by hand):
 *   PORT=12111 STRIPE_WEBHOOK_URL=http://127.0.0.1:3000/api/stripe/webhook \
 *   STRIPE_WEBHOOK_SECRET=whsec_… node --import tsx tests/support/stripe-fake/main.ts
 * Prints one line of JSON with its URL and keys, then serves until SIGINT/SIGTERM.
 */
const fake = await startStripeFake({
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
  webhookUrl: process.env.STRIPE_WEBHOOK_URL || undefined,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || undefined,
  secretKey: process.env.STRIPE_SECRET_KEY || undefined,
});

console.log(
  JSON.stringify({ url: fake.url, host: fake.host, port: fake.port, protocol: fake.protocol, secretKey: fake.secretKey, webhookSecret: fake.webhookSecret }),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void fake.close().finally(() => process.exit(0));
  });
}
