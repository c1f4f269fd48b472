/**
 * A person with a signed-in browser session, made from the database side for browser tests:
 * the account through the account service, the session through the sign-in code's own
 * `mintSessionCookie` (a session row, then Auth.js's encoding). Prints the cookie as JSON.
 *   node --conditions=react-server --import tsx tests/support/signed-in-person.ts <name> <handle> <email> <password>
 */
import { signUp } from '@/lib/account';
import { mintSessionCookie } from '@/lib/core/session-token';

async function main() {
  const [name, handle, email, password] = process.argv.slice(2);
  if (!name || !handle || !email || !password) throw new Error('usage: signed-in-person.ts <name> <handle> <email> <password>');
  const account = await signUp({ name, handle, email, password });
  const cookie = await mintSessionCookie(account, 'Playwright test browser');
  process.stdout.write(JSON.stringify(cookie));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
