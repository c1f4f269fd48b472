/**
 * `npm run ledger:check`: every cached balance equals the sum of its entries, every posting
 * balances, nobody's account is below zero. Exits 1 and lists the problems otherwise.
 * Uses DATABASE_URL, else the embedded database in .data/postgres (started for the check).
 * Runs with the react-server condition, like the worker: the ledger is server-only code.
 */
import { connectDevelopmentDatabase } from './lib/postgres';
import { loadDevelopmentSecrets } from './lib/secrets';

loadDevelopmentSecrets();
const embedded = await connectDevelopmentDatabase();

try {
  const { checkLedger } = await import('@/lib/pay/ledger');
  const { accounts, postings, problems } = await checkLedger();
  if (problems.length === 0) {
    console.log(`ledger: ok — ${accounts} accounts, ${postings} postings, every balance equals its entries`);
  } else {
    console.error(`ledger: ${problems.length} problem(s)`);
    for (const problem of problems) console.error(`  ${JSON.stringify(problem, (_, value) => (typeof value === 'bigint' ? String(value) : value))}`);
    process.exitCode = 1;
  }
  const { db } = await import('@/lib/core/db');
  await db().$disconnect();
} finally {
  if (embedded && !embedded.reused) await embedded.stop();
}
