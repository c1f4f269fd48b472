import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Services are server-only; under Vitest they run in Node, which is the server.
      { find: 'server-only', replacement: `${root}/tests/support/empty.ts` },
    ],
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'lib/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
