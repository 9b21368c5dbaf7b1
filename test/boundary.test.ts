import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every .ts file below a folder. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const PLATFORM_PACKAGES =
  /from\s+["'](discord\.js|@discordjs\/[^"']+|@slack\/[^"']+)["']|import\(\s*["'](discord\.js|@slack\/)/;

/** The core: everything in src/ but the platform adapters and the composition root that starts them. */
const core = files("src").filter(
  (f) =>
    !f.startsWith(join("src", "platforms", "discord")) && !f.startsWith(join("src", "platforms", "slack")),
);

describe("the platform boundary", () => {
  it("keeps discord.js and Bolt out of commands/", () => {
    const offenders = files("commands").filter((f) => PLATFORM_PACKAGES.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keeps discord.js and Bolt out of the core (src/ outside platforms/discord and platforms/slack)", () => {
    const offenders = core.filter((f) => PLATFORM_PACKAGES.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keeps commands/ free of platform folders", () => {
    const offenders = files("commands").filter((f) => /platforms\//.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("reads the time only through a Clock: no Date.now() in commands/ or the core's logic", () => {
    const allowed = new Set([join("src", "time", "clock.ts")]);
    const offenders = [...files("commands"), ...core]
      .filter((f) => !allowed.has(f))
      .filter((f) => /Date\.now\(\)|new Date\(\)/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
