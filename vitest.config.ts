import { defineConfig } from 'vitest/config';

/**
 * `npm test`: every package's unit tests and the cross-package tests in one run with one pool of two workers. The
 * script sets NODE_OPTIONS=--max-old-space-size=512 for vitest, its workers and every cablepress process a test starts
 * (V8 then collects garbage long before a heap is four times what it holds) and MIMALLOC_ARENA_EAGER_COMMIT=0 (the
 * bundler of vite keeps about 100 MB less resident). The run peaks under 800 MB, summed over all its processes;
 * chromium comes after it (tests/vitest.browser.config.ts). Slow suites are in tests/vitest.slow.config.ts.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tests/vitest.config.ts'],
    globalSetup: ['scripts/tmp-guard.ts'],
    maxWorkers: 2,
  },
});
