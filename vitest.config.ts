/** Unit tests: Node environment, fake-indexeddb for Dexie, WXT's fake browser for extension APIs. */
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    // Watchdogs, not measurements: heavy statistical and property tests must not fail because two cores
    // are busy with something else (CI, parallel builds).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
