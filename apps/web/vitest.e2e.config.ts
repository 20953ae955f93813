import { defineConfig } from 'vitest/config';

const reportDir = process.env.TEST_REPORT_DIR;

export default defineConfig({
  test: {
    // CI collects JSON reports from every suite to print one total.
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/web-${process.env.TEST_REPORT_NAME ?? 'pglite'}.json` }]] : ['default'],
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // every test ends with an axe check of the pages it opened (e2e/axe.ts)
    setupFiles: ['e2e/axe-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
