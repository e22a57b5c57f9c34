import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The site in a real chromium (about 800 MB of processes). `npm test` runs it as a second step, after the unit and
 * cross-package tests have finished, so the two never hold memory at the same time.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  ssr: { resolve: { conditions: ['source'] } },
  resolve: { conditions: ['source'] },
  test: {
    name: 'browser',
    include: ['site-browser.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['../scripts/tmp-guard.ts'],
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
