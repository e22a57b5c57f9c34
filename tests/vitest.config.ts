import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['source'] } },
  resolve: { conditions: ['source'] },
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    // site-browser.test.ts drives chromium (about 800 MB of processes): `npm test` runs it after this suite (vitest.browser.config.ts)
    exclude: ['**/*.slow.test.ts', 'site-browser.test.ts', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
