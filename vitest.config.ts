import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Suites that open their own servers and databases; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
  },
});
