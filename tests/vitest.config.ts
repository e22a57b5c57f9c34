import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['source'] } },
  resolve: { conditions: ['source'] },
  test: { include: ['**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
});
