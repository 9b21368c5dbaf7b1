/**
 * The conventions of test/README.md: temporary folders and loggers come from test/support/, and the
 * one import every test takes (test/support/index.ts) loads no platform library.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
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

describe("every command", () => {
  it("has a spec file in test/commands", () => {
    for (const c of registry.list) {
      expect(existsSync(join(repoRoot, "test/commands", `${c.name}.test.ts`)), `/${c.name}`).toBe(true);
    }
  });
});
