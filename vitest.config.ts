import { defineConfig } from "vitest/config";
import { keepFailedExitStatus } from "./test/support/exit-status.js";

export default defineConfig({
  // A failed run exits non-zero whatever else runs in vitest's process (test/support/exit-status.ts).
  plugins: [keepFailedExitStatus()],
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
  },
});
