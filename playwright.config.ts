import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against `next start`. `npm test` starts the app and its database and sets
 * PLAZA_BASE_URL and PLAZA_CHROMIUM; to run alone, start Plaza and set them yourself.
 */
const baseURL = process.env.PLAZA_BASE_URL ?? 'http://localhost:3000';
const executablePath = process.env.PLAZA_CHROMIUM || undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  // Two-person flows sign up twice and navigate a dozen times; on a busy 2-core machine each
  // step can take seconds. Assertions still wait at most 15 s each for what they expect.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '.test-data/playwright.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'phone', use: { ...devices['Pixel 7'], browserName: 'chromium' } },
  ],
  outputDir: '.test-data/playwright-output',
});
