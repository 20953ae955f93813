import { defineConfig } from 'vitest/config';

const reportDir = process.env.TEST_REPORT_DIR;
const reportName = process.env.TEST_REPORT_NAME ?? (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');

export default defineConfig({
  test: {
    // CI collects JSON reports from every suite to print one total.
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/api-${reportName}.json` }]] : ['default'],
    // The multi-process tests need a real PostgreSQL server: they belong to the PostgreSQL suite.
    include: ['src/**/*.test.ts', 'test/*.test.ts', ...(process.env.TEST_DATABASE_URL ? ['test/cluster/*.test.ts'] : [])],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each file gets its own database; two workers keep PGlite's WASM memory in check on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
