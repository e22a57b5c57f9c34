import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['source'] } },
  resolve: { conditions: ['source'] },
  // Builds render PDFs and write Parquet: on a busy 2-core machine one can take longer than vitest's 5 s default.
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
