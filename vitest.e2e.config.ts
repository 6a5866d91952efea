import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests (npm run test:e2e): esd-bot, Microsoft 365 Agents Playground and headless
 * Chromium (/usr/bin/chromium) together, one language run per file. Files run one after another:
 * each starts its own emulator and browser, and two cores are not enough for several at once.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
