import { defineConfig } from 'vitest/config';

// The JSON report is what .ci/run reads to print "N passed, N failed".
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
