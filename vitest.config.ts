import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/testing-setup.ts'],
    // no test asserts speed (npm run bench measures it); a slow or shared CI machine has run whole
    // files 2–15× slower than a quiet one, so a test only fails on time when it has truly stuck
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
