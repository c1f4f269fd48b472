/**
 * The test database's one admin, made as an operator makes one: an ordinary sign-up, then the
 * grant behind `npm run admin -- grant`. Run once by the test runner before the browser tests:
 * `node --conditions=react-server --import tsx tests/support/test-admin.ts`.
 */
import { setAdminRole, signUp } from '@/lib/account';
import { systemViewer } from '@/lib/core/viewer';
import { testAdminAccount } from './test-admin-account';

async function main() {
  await signUp(testAdminAccount);
  await setAdminRole(systemViewer, testAdminAccount.handle, true);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
