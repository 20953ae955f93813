import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each file gets its own database; two workers keep PGlite's WASM memory in check on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
