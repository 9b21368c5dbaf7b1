/**
 * The conventions of test/README.md: temporary folders and loggers come from test/support/, the
 * one import every test takes (test/support/index.ts) loads no platform library, and every module has
 * a test file named after it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { registry, repoRoot } from "./support/index.js";

/** Every .ts file below a folder. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Where a temporary folder or a logger may be made by hand. */
const OWN_FOLDERS_AND_LOGGERS = new Set([
  join("test", "support", "files.ts"),
  join("test", "support", "log.ts"),
  // Folders open to the postgres user a throwaway server runs as.
  join("test", "global-setup.ts"),
  join("test", "support", "throwaway-postgres.ts"),
]);
/** Modules with no test file of their own, each with why (keep it short: most modules need one). */
const WITHOUT_OWN_TEST: Record<string, string> = {
  "src/cli/io.ts": "types only",
  "src/store/connections.ts": "types only",
  "src/store/event-store.ts": "types only",
  "src/calendar-events/port.ts": "types only",
};

/** Where a module's test file is: test/ mirrors src/ (without `src/`) and commands/. */
function testFileOf(module: string): string {
  // The catalogs' areas are data: one spec checks them all (keys, ICU syntax, arguments, translations).
  if (module.startsWith("src/language/catalogs/")) return join("test", "language", "catalog.test.ts");
  return join("test", module.replace(/^src\//, "").replace(/\.ts$/, ".test.ts"));
}

/** Programs run as processes of their own, logging as the bot does. */
const SCRIPTS = join("test", "support", "scripts");

describe("test support", () => {
  it("is where temporary folders and loggers are made", () => {
    const offenders = files("test")
      .filter((f) => !OWN_FOLDERS_AND_LOGGERS.has(f) && !f.startsWith(SCRIPTS))
      .filter((f) => /\bmkdtempSync\(|\bcreateLogger\(|new Writable\(/.test(readFileSync(f, "utf8")));
    expect(offenders, "use tempDir(), captureLog() or silentLog() from test/support").toEqual([]);
  });

  it("gives every test one import that loads no platform library", () => {
    const index = join("test", "support", "index.ts");
    const modules = [...readFileSync(index, "utf8").matchAll(/export \* from "\.\/([^"]+)\.js"/g)].map((m) =>
      join("test", "support", `${m[1]}.ts`),
    );
    expect(modules.length).toBeGreaterThan(10);
    const offenders = modules.filter((f) =>
      /from\s+["'](discord\.js|@discordjs\/[^"']+|@slack\/[^"']+|[^"']*\/harness\/[^"']+|[^"']*\/clients\.js)["']/.test(
        readFileSync(f, "utf8"),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe("test files", () => {
  it("every module of src/ and commands/ has a test file named after it", () => {
    const modules = [...files("src"), ...files("commands")].map((f) => f.split(sep).join("/"));
    const without = modules.filter((m) => !(m in WITHOUT_OWN_TEST) && !existsSync(testFileOf(m)));
    expect(without, "write test/<module>.test.ts, or move the tests that specify the module there").toEqual(
      [],
    );
  });

  it("exempts only modules that exist and still have no test file", () => {
    const stale = Object.keys(WITHOUT_OWN_TEST).filter((m) => !existsSync(m) || existsSync(testFileOf(m)));
    expect(stale).toEqual([]);
  });
});

/**
 * The folders of src/ whose modules each have a test file named after them (issue 18). The others
 * join the list as their tests are named after their modules.
 */
const ONE_TEST_FILE_PER_MODULE = [
  "alerts",
  "bot",
  "calendar",
  "calendar-events",
  "command-engine",
  "dataset",
  "delivery",
  "desk",
  "monitoring",
  "reply",
  "store",
  "subscriptions",
  "time",
];

describe("test files in the folders named after modules", () => {
  it("name every test file of those folders after a module: scenarios go to test/e2e/", () => {
    const tests = ONE_TEST_FILE_PER_MODULE.flatMap((folder) => files(join("test", folder)));
    const orphans = tests.filter(
      (t) => !existsSync(join("src", relative("test", t)).replace(/\.test\.ts$/, ".ts")),
    );
    expect(orphans).toEqual([]);
  });
});

describe("every command", () => {
  it("has a spec file in test/commands", () => {
    for (const c of registry.list) {
      expect(existsSync(join(repoRoot, "test/commands", `${c.name}.test.ts`)), `/${c.name}`).toBe(true);
    }
  });
});
