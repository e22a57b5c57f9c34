import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:slow`: the cases that take minutes or much memory (the 50 MB cable, a kill at every rename of a
 * commit) the fuzz suite with FUZZ_CASES=10000. CI runs it after `npm test`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  ssr: { resolve: { conditions: ['source'] } },
  resolve: { conditions: ['source'] },
  test: {
    name: 'slow',
    include: ['**/*.slow.test.ts', 'fuzz.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['../scripts/tmp-guard.ts'],
    maxWorkers: 2,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
