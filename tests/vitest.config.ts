import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['source'] } },
  resolve: { conditions: ['source'] },
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['**/*.slow.test.ts', '**/node_modules/**'],
    setupFiles: ['./setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
