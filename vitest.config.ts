import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Firmware and host binaries are built once, before any test file runs.
    globalSetup: [
      "tests/support/build-firmware.ts",
      "tests/kernel/global-setup.ts",
      "tests/vm/global-setup.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
  },
});
