import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Names, once per run, the browser the browser tests drive (test/helpers/find-browser.ts).
    globalSetup: ['test/helpers/browser-setup.ts'],
  },
});
