/**
 * Runs one transfer in its own process with PAY_TEST_PAUSE_FILE set, so the ledger stops inside
 * its transaction; the test then kills this process with SIGKILL.
 *   node --conditions=react-server --import tsx tests/support/pay-paused-transfer.ts <from> <to> <amount> <key>
 */
import { transfer } from '@/lib/pay';

const [from, to, amount, idempotencyKey] = process.argv.slice(2);
await transfer({ kind: 'person', id: from!, handle: 'x', isAdmin: false }, { to: to!, amount: Number(amount), currency: 'USD', idempotencyKey: idempotencyKey! });
console.error('the transfer finished: the pause did not hold');
process.exit(1);
