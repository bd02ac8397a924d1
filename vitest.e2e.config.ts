import { defineConfig } from 'vitest/config'

// Browser (end-to-end) tests: the real server on a fresh embedded database, driven by Chromium.
// One fork, one file at a time: each file starts its own server and browser, and the machine has 2 cores.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
})
