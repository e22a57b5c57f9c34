import { defineConfig } from 'vitest/config';

/**
 * `npm test`: every package's unit tests and the cross-package tests in one run with one pool of workers, so the
 * run stays within the machine (two workers, about 1 GB). Slow suites are in tests/vitest.slow.config.ts.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tests/vitest.config.ts'],
    globalSetup: ['scripts/tmp-guard.ts'],
    maxWorkers: 2,
  },
});
