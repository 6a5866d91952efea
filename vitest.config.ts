import { defineConfig } from 'vitest/config';

/**
 * Time limits scale with the machine: TEST_TIME_SCALE=3 on a slow or busy one. The defaults are
 * generous already, since several suites spawn `tsx` processes (the CLIs, the server) whose
 * start-up alone takes seconds on a loaded 2-core machine. No test asserts wall-clock speed.
 */
const scale = Math.max(1, Number(process.env.TEST_TIME_SCALE) || 1);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 90_000 * scale,
    hookTimeout: 90_000 * scale,
    // Suites that open their own servers and databases; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
  },
});
