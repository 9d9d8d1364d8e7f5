import { defineConfig } from 'vitest/config';

/**
 * `npm run test:hostile`: big generated files (`.bench/hostile/`, git-ignored) against the
 * built command line, one process each; kept out of `npm test` (`vitest.config.ts` includes
 * `test/**\/*.test.ts` only) for the minutes it takes to write them the first time.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.hostile.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
