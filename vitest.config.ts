/**
 * `npm test`: every test but those of test/system/, which need root and Debian packages beyond Node
 * (`npm run test:system`, vitest.system.config.ts). Both share the settings below and the global setup.
 */
import { configDefaults, defineConfig } from "vitest/config";
import { keepFailedExitStatus } from "./test/support/exit-status.js";

/** The configuration of a run of the test files `include` names, but those `exclude` names. */
export function testRun(include: string[], exclude: string[] = []) {
  return defineConfig({
    plugins: [keepFailedExitStatus()],
    test: {
      include,
      exclude: [...configDefaults.exclude, ...exclude],
      testTimeout: 20_000,
      hookTimeout: 30_000,
      pool: "forks",
      globalSetup: ["test/global-setup.ts"],
    },
  });
}

export default testRun(["test/**/*.test.ts"], ["test/system/**"]);
