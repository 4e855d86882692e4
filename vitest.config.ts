import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    // Exercise fixtures each start a worker thread; two cores are plenty.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
