import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../src/reply/errors.js";

/** Every .ts file below a folder. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const PLATFORM_PACKAGES =
  /from\s+["'](discord\.js|discord-api-types(\/[^"']+)?|@discordjs\/[^"']+|@slack\/[^"']+)["']|import\(\s*["'](discord\.js|discord-api-types|@slack\/)/;

/** The core: everything in src/ but the platform adapters and the composition root that starts them. */
const core = files("src").filter(
  (f) =>
    !f.startsWith(join("src", "platforms", "discord")) && !f.startsWith(join("src", "platforms", "slack")),
);

describe("the platform boundary", () => {
  it("keeps discord.js (and its API types) and Bolt out of commands/", () => {
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

describe("user-facing errors", () => {
  const TABLE = join("src", "reply", "errors.ts");
  const sources = [...files("commands"), ...files("src")].filter((f) => f !== TABLE);

  it("are made only by the table of errors (src/reply/errors.ts): nowhere else builds an error Reply", () => {
    const offenders = sources.filter((f) => /kind:\s*["'`]error["'`]/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("are named by their code: errorReply is never given words of its own", () => {
    const offenders = sources.flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/errorReply\(\s*(["'`])([^"'`]*)\1/g)]
        .filter((m) => !(ERROR_CODES as string[]).includes(m[2] ?? ""))
        .map((m) => `${f}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});

/** The src/ folders a file of src/<folder>/ imports (relative imports only). */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const here = file.split("/").slice(0, -1);
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    const parts = [...here];
    for (const step of (m[1] ?? "").split("/")) {
      if (step === "..") parts.pop();
      else if (step !== ".") parts.push(step);
    }
    if (parts[0] === "src" && parts.length > 2) out.push(parts[1] ?? "");
    else if (parts[0] === "src") out.push("(src root)");
    else out.push(parts[0] ?? "");
  }
  return out;
}

/**
 * Layers that only point down: each folder of src/ may import only the folders below it. The time,
 * text safety and the dataset know nothing of commands, replies or platforms; replies know no commands.
 */
const LAYERS: Record<string, readonly string[]> = {
  time: ["time"],
  text: ["text"],
  dataset: ["time", "text", "dataset"],
  reply: ["time", "text", "dataset", "reply"],
};

describe("the layers", () => {
  it.each(Object.entries(LAYERS))("src/%s imports only from %j", (folder, allowed) => {
    const offenders = files(join("src", folder)).flatMap((f) =>
      importedFolders(f)
        .filter((d) => !allowed.includes(d))
        .map((d) => `${f} imports ${d}/`),
    );
    expect(offenders).toEqual([]);
  });
});
