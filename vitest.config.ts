import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // The store tests open real SQLite files; keep them isolated per file.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
