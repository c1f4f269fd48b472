/**
 * `npm test`: its own database and app server on spare ports, then the type check, the linter,
 * unit and service tests (Vitest, real Postgres) and end-to-end tests (Playwright against
 * `next start`). Ends with one line `N passed, N failed` summed over all runners; a runner that
 * crashes or reports nothing counts as failed.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild } from './lib/build';
import { findChromium } from './lib/chromium';
import { prepareDatabase } from './lib/database';
import { findFreePort } from './lib/postgres';
import { startRealtime } from './lib/realtime';
import { onShutdown, run, shutdown, startChild, stopEverythingOnSignals, waitForHttp } from './lib/processes';
import { startOidcProvider } from '../tests/support/oidc-provider';
import { startStripeFake } from '../tests/support/stripe-fake';

const log = (line: string) => console.log(`[test] ${line}`);
// `npm test -- <filter…>` runs only the test files whose paths match (both runners), and skips
// the type check and lint: for working on one part. CI runs everything.
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const filtered = filters.length > 0;
// `--vitest`: only the unit and service tests (no build, no browser), for working on services.
const vitestOnly = process.argv.includes('--vitest');
const testDir = '.test-data';
const totals = { passed: 0, failed: 0 };
const report: string[] = [];
const phases: string[] = [];

/** Runs one phase of the suite and notes how long it took, for the closing report. */
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

function count(runner: string, passed: number, failed: number) {
  totals.passed += passed;
  totals.failed += failed;
  report.push(`${runner}: ${passed} passed, ${failed} failed`);
}

const bin = (name: string) => join('node_modules', '.bin', name);

/** A check with no test count of its own (type check, lint) counts as one test. */
async function check(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  log(`${name}…`);
  const code = await run(command, args, { env, detached: false });
  count(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function vitest(env: NodeJS.ProcessEnv) {
  const output = join(testDir, 'vitest.json');
  rmSync(output, { force: true });
  log('Unit and service tests (Vitest)…');
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`, ...(filtered ? ['--passWithNoTests', ...filters] : [])];
  const code = await run(bin('vitest'), args, { env, detached: false });
  const result = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean }>(output);
  if (!result || (result.numTotalTests === 0 && !filtered)) return count('vitest', 0, 1);
  count('vitest', result.numPassedTests, result.numFailedTests + (code !== 0 && result.numFailedTests === 0 ? 1 : 0));
}

async function playwright(env: NodeJS.ProcessEnv) {
  const output = join(testDir, 'playwright.json');
  rmSync(output, { force: true });
  log('End-to-end tests (Playwright)…');
  const code = await run(bin('playwright'), ['test', ...(filtered ? ['--pass-with-no-tests', ...filters] : [])], { env, detached: false });
  const result = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(output);
  const ran = result ? result.stats.expected + result.stats.unexpected + result.stats.flaky : 0;
  if (!result || (ran === 0 && !filtered)) return count('playwright', 0, 1);
  const { expected, unexpected, flaky } = result.stats;
  count('playwright', expected + flaky, unexpected + (code !== 0 && unexpected === 0 ? 1 : 0));
}

async function main() {
  stopEverythingOnSignals(1);
  mkdirSync(testDir, { recursive: true });
  const started = Date.now();

  const chromium = await findChromium(log);
  log(`Chromium: ${chromium}`);

  const dbPort = await findFreePort();
  const database = await prepareDatabase({ dataDir: join(testDir, 'postgres'), preferredPort: dbPort, database: 'plaza_test', fresh: true, log });
  const appPort = await findFreePort();
  const mediaDir = join(process.cwd(), testDir, 'media');
  rmSync(mediaDir, { recursive: true, force: true });

  // Thresholds the tests rely on: a low sign-in limit per account for the rate-limit test,
  // generous ones elsewhere because all test traffic comes from 127.0.0.1.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: database.url,
    AUTH_SECRET: 'test-secret-that-is-long-enough-for-auth-js-0123456789',
    PUSHER_SECRET: 'test-pusher-secret-not-for-production-7f3a9c2e5b',
    RATE_LIMIT_SIGNIN_PER_ACCOUNT: '3',
    RATE_LIMIT_SIGNIN_PER_IP: '10000',
    RATE_LIMIT_SIGNUP_PER_IP: '10000',
    PLAZA_BASE_URL: `http://127.0.0.1:${appPort}`,
    PLAZA_LISTEN_URL: `http://127.0.0.1:${appPort}`,
    // Uploads land in the run's own folder, never in a developer's .data/media; e2e tests read it.
    MEDIA_DIR: mediaDir,
    PLAZA_CHROMIUM: chromium,
  };

  // Realtime for service tests and e2e alike; leaving is reported quickly so tests need not wait.
  Object.assign(env, await startRealtime({ env, port: await findFreePort(), appUrl: env.PLAZA_BASE_URL!, quiet: true, extraEnv: { REALTIME_WEBHOOK_VACATE_DELAY_MS: '300' } }));

  if (!filtered) {
    await timed('type check', () => check('typecheck', bin('tsc'), ['--noEmit'], env));
    await timed('lint', () => check('lint', bin('eslint'), ['--max-warnings', '0', '.'], env));
  }
  // Service tests move large sums between fixture people; the step-up allowance is proven by its
  // own test file, which sets the default back.
  await timed('vitest', () => vitest({ ...env, NODE_ENV: 'test', PAY_STEP_UP_PER_DAY_MINOR: '100000000' }));

  if (!vitestOnly) try {
    await timed('build', () => ensureBuild(log));
    // The admin browser tests sign in as, granted the way an operator grants one.
    if ((await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/test-admin.ts'], { env, detached: false })) !== 0) throw new Error('creating the test admin failed');
    // The job worker delivers mail the e2e tests read at /admin/mail.
    startChild(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
      env: { ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // A real OpenID Provider for the sign-in-with-another-account tests.
    const oidc = await startOidcProvider({ redirectUri: `${env.PLAZA_BASE_URL}/api/auth/callback/oidc` });
    onShutdown(oidc.close);
    const oidcEnv = { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: oidc.clientId, OIDC_CLIENT_SECRET: oidc.clientSecret, OIDC_NAME: 'Test ID' };
    // Stripe's HTTP API, faked (hosted Stripe is unreachable here); the real SDK talks to it.
    const stripe = await startStripeFake({ webhookUrl: `${env.PLAZA_BASE_URL}/api/stripe/webhook` });
    onShutdown(stripe.close);
    const stripeEnv = { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_API_HOST: stripe.host, STRIPE_API_PORT: String(stripe.port), STRIPE_API_PROTOCOL: stripe.protocol };
    startChild(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', String(appPort), '--hostname', '127.0.0.1'], {
      env: { ...env, ...oidcEnv, ...stripeEnv, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForHttp(`${env.PLAZA_BASE_URL}/login`);
    await timed('playwright', () => playwright(env));
  } catch (error) {
    console.error(error);
    count('e2e setup', 0, 1);
  }

  await shutdown();
  console.log('');
  for (const line of report) log(line);
  log(`phases: ${phases.join(', ')}`);
  log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await shutdown();
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
