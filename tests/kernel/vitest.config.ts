/** Runs only the kernel suite: `npx vitest run --config tests/kernel/vitest.config.ts`. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/kernel/**/*.test.ts"],
    globalSetup: ["tests/kernel/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
