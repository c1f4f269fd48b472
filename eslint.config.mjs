import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Lint rules that make DESIGN.md's boundaries mechanical:
 * - Prisma only in lib/<domain>/db.ts (or db-<part>.ts when one file would grow too long), lib/pay/ledger.ts, lib/core and tests;
 * - another domain only through its index.ts (server) or client.ts (browser);
 * - `stripe` only in lib/pay;
 * - process.env only in lib/core/env.ts and the realtime server's own config.
 */
const domains = ['account', 'realtime', 'media', 'feed', 'chat', 'pay', 'market', 'pages', 'book', 'watch', 'notify', 'discover'];

const prismaImports = {
  group: ['@/lib/core/db', '**/core/db', '@/prisma/generated/**', '**/prisma/generated/**', '@prisma/client', '@prisma/client/**'],
  message: 'Database access lives in lib/<domain>/db.ts (DESIGN.md: layout).',
};
const stripeImport = { name: 'stripe', message: 'Only lib/pay talks to Stripe; call pay\'s public API (DESIGN.md rule 3).' };

/** Deep imports into domain `other`, except its public faces. */
function otherDomain(other, alsoAllowed = []) {
  return {
    group: [`@/lib/${other}/*`, `!@/lib/${other}/index`, `!@/lib/${other}/client`, ...alsoAllowed.map((file) => `!@/lib/${other}/${file}`)],
    message: `Use ${other}'s public API: @/lib/${other} (server) or @/lib/${other}/client (browser).`,
  };
}

function restrictions({ ownDomain, allowPrisma = false, allowStripe = false, routes = false }) {
  const patterns = domains.filter((domain) => domain !== ownDomain).map((domain) => otherDomain(domain, routes ? ['actions'] : []));
  if (!allowPrisma) patterns.push(prismaImports);
  return ['error', { paths: allowStripe ? [] : [stripeImport], patterns }];
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', 'prisma/generated/**', '.data/**', '.test-data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Routes: thin pages may use any domain's public API and its server actions.
  { files: ['app/**', 'proxy.ts'], rules: { 'no-restricted-imports': restrictions({ routes: true }) } },
  ...domains.map((domain) => ({
    files: [`lib/${domain}/**`, `components/${domain}/**`],
    rules: { 'no-restricted-imports': restrictions({ ownDomain: domain, allowStripe: domain === 'pay' }) },
  })),
  { files: ['components/ui/**', 'components/shell/**'], rules: { 'no-restricted-imports': restrictions({ routes: true }) } },
  // Each domain's db.ts, the ledger and the core may use Prisma.
  ...domains.map((domain) => ({
    files: [`lib/${domain}/db.ts`, `lib/${domain}/db-*.ts`, ...(domain === 'pay' ? ['lib/pay/ledger.ts'] : [])],
    rules: { 'no-restricted-imports': restrictions({ ownDomain: domain, allowPrisma: true, allowStripe: domain === 'pay' }) },
  })),
  { files: ['lib/core/**'], rules: { 'no-restricted-imports': restrictions({ allowPrisma: true }) } },
  {
    files: ['app/**', 'lib/**', 'components/**', 'proxy.ts'],
    ignores: ['lib/core/env.ts', 'lib/realtime/server/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through lib/core/env.ts (DESIGN.md rule 8).' },
      ],
    },
  },
  // Tests set up and inspect state directly: Prisma and the environment are theirs to use.
  {
    files: ['**/*.test.ts', 'tests/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-properties': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
]);
