/**
 * The compiled entry point (`node dist/src/cli/run.js …`, what `npm start` runs): the command line's
 * arguments to main(), and main()'s answer as the process's exit status. Run here through tsx, as
 * bin/run-ts.mjs runs a TypeScript file.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { botEnv } from "../support/index.js";

function run(args: string[]) {
  return spawnSync(process.execPath, ["bin/run-ts.mjs", "src/cli/run.ts", ...args], {
    env: botEnv({ LOG_LEVEL: "silent" }),
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe("the compiled entry point", () => {
  it("runs the command line it is given, exiting 0 when it succeeds", () => {
    const r = run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage:");
  });

  it("exits with main()'s status: 2 for a usage error", () => {
    expect(run(["no-such-command"]).status).toBe(2);
  });
});
