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

/** The platforms' folders: src/platforms/<name>/. */
const PLATFORM_FOLDERS = readdirSync(join("src", "platforms")).filter((name) =>
  statSync(join("src", "platforms", name)).isDirectory(),
);

/** Packages every layer may use; any other package a platform's folder imports is that platform's own. */
// undici: the one HTTP client every platform sends with (docs/decisions/0040-one-http-client.md).
const SHARED_PACKAGES = new Set(["pino", "zod", "undici"]);

/** The packages (not node: built-ins) a file imports, statically or lazily. */
function packagesOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^."'][^"']*)["']/g)]
    .map((m) => m[1] ?? "")
    .filter((name) => !name.startsWith("node:"))
    .map((name) =>
      name.startsWith("@") ? name.split("/").slice(0, 2).join("/") : (name.split("/")[0] ?? ""),
    );
}

/** Each platform's own packages: discord.js and @discordjs/* for Discord, @slack/* for Slack, … */
const OWN_PACKAGES = new Map(
  PLATFORM_FOLDERS.map((name) => [
    name,
    new Set(
      files(join("src", "platforms", name))
        .flatMap(packagesOf)
        .filter((p) => !SHARED_PACKAGES.has(p)),
    ),
  ]),
);

/** The core: everything in src/ but the folders of platforms that talk to a service of their own. */
const core = files("src").filter(
  (f) =>
    !PLATFORM_FOLDERS.some(
      (p) => (OWN_PACKAGES.get(p)?.size ?? 0) > 0 && f.startsWith(`${join("src", "platforms", p)}/`),
    ),
);

/**
 * The composition root: the CLI's entry, the one file that wires the command list (commands/) and the
 * platform list (src/platforms/index.ts) into the rest, and gives the commands that concern one
 * platform alone (`register`, `manifest`, `discord-proxy`) what they need of it. It is the only file
 * outside src/platforms/ that reaches into a platform's folder; every other file uses the platforms
 * through the list's file, src/platforms/index.ts (docs/decisions/0018-one-door-per-platform.md).
 */
const COMPOSITION_ROOT = join("src", "cli", "main.ts");

/** The platform list, the platforms' one door: it alone reaches into their folders from beside them. */
const PLATFORM_LIST = join("src", "platforms", "index.ts");

describe("the platform boundary", () => {
  it("finds the platforms' own packages (discord.js, Bolt) to check", () => {
    expect([...(OWN_PACKAGES.get("discord") ?? [])]).toContain("discord.js");
    expect([...(OWN_PACKAGES.get("slack") ?? [])]).toContain("@slack/bolt");
  });

  it.each(PLATFORM_FOLDERS)("keeps %s's own packages inside its folder", (platform) => {
    const own = OWN_PACKAGES.get(platform) ?? new Set<string>();
    const outside = [...files("commands"), ...files("src")].filter(
      (f) => !f.startsWith(`${join("src", "platforms", platform)}/`),
    );
    const offenders = outside.flatMap((f) =>
      packagesOf(f)
        .filter((p) => own.has(p))
        .map((p) => `${f} imports ${p}`),
    );
    expect(offenders).toEqual([]);
  });

  it(`lets only the platform list and the composition root (${COMPOSITION_ROOT}) reach into a platform's folder`, () => {
    const offenders = [...files("commands"), ...files("src")]
      .filter((f) => f !== COMPOSITION_ROOT && f !== PLATFORM_LIST)
      .flatMap((f) =>
        importedPaths(f)
          .filter((path) => path[0] === "src" && path[1] === "platforms" && path.length > 3)
          .filter((path) => !f.startsWith(`${join(...path.slice(0, 3))}/`))
          .map((path) => `${f} imports ${path.join("/")}`),
      );
    expect(offenders).toEqual([]);
  });

  it("keeps commands/ free of platform folders", () => {
    const offenders = files("commands").filter((f) => /platforms\//.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("gives the platforms the command list: no file of src/platforms/ imports commands/", () => {
    const offenders = files(join("src", "platforms")).flatMap((f) =>
      importedPaths(f)
        .filter((path) => path[0] === "commands")
        .map((path) => `${f} imports ${path.join("/")}`),
    );
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

/** The repository paths a file imports (relative imports only), each as its parts. */
function importedPaths(file: string): string[][] {
  const text = readFileSync(file, "utf8");
  const here = file.split("/").slice(0, -1);
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => {
    const parts = [...here];
    for (const step of (m[1] ?? "").split("/")) {
      if (step === "..") parts.pop();
      else if (step !== ".") parts.push(step);
    }
    return parts;
  });
}

/** The src/ folders a file of src/<folder>/ imports (relative imports only). */
function importedFolders(file: string): string[] {
  return importedPaths(file).map((parts) =>
    parts[0] === "src" && parts.length > 2
      ? (parts[1] ?? "")
      : parts[0] === "src"
        ? "(src root)"
        : (parts[0] ?? ""),
  );
}

/**
 * Layers that only point down: each folder of src/ may import only the folders below it. The time,
 * text safety and the dataset know nothing of commands, replies or platforms; replies know no commands.
 */
const LAYERS: Record<string, readonly string[]> = {
  time: ["time"],
  // The languages and their catalogs: words for every layer above, knowing nothing of them.
  language: ["time", "language"],
  dataset: ["time", "language", "dataset"],
  reply: ["time", "language", "dataset", "reply"],
  // The store answers the intake's part (LeadStore), whose types are in src/feeds/lead.ts, and keeps
  // the language a subscription's alerts are written in.
  store: ["(src root)", "language", "store", "feeds"],
  // Delivery posts what it is given, exactly once: it knows no alert, no command, no platform.
  delivery: ["time", "language", "reply", "store", "monitoring", "delivery"],
  // What is posted and when: never how a platform posts it, nor the commands.
  alerts: ["(src root)", "time", "language", "dataset", "reply", "store", "monitoring", "delivery", "alerts"],
  // A story's calendar feed: the data as known at an instant, served beside the health routes.
  calendar: ["time", "language", "dataset", "monitoring", "calendar"],
};

/**
 * The order of the layers, top first: the CLI (src/cli/, whose main.ts is the composition root), the
 * curator desk (src/desk/), the platforms (src/platforms/), the commands (commands/), the core (every
 * other folder and file of src/). A file imports its own layer or those below it, never one above.
 */
const LAYER_ORDER = ["cli", "desk", "platforms", "commands", "core"] as const;
type Layer = (typeof LAYER_ORDER)[number];

/** The layer of a repository path, as its parts. */
function layerOf(parts: readonly string[]): Layer {
  if (parts[0] === "commands") return "commands";
  const folder = parts.length > 2 ? parts[1] : undefined;
  return folder === "cli" || folder === "desk" || folder === "platforms" ? folder : "core";
}

describe("the layers", () => {
  it(`run ${LAYER_ORDER.join(" → ")}: no import runs back up`, () => {
    const offenders = [...files("src"), ...files("commands")].flatMap((f) => {
      const mine = LAYER_ORDER.indexOf(layerOf(f.split("/")));
      return importedPaths(f)
        .filter((path) => path[0] === "src" || path[0] === "commands")
        .filter((path) => LAYER_ORDER.indexOf(layerOf(path)) < mine)
        .map((path) => `${f} (${layerOf(f.split("/"))}) imports ${path.join("/")} (${layerOf(path)})`);
    });
    expect(offenders).toEqual([]);
  });

  it("finds every layer among the files it checks", () => {
    const found = new Set([...files("src"), ...files("commands")].map((f) => layerOf(f.split("/"))));
    expect([...found].sort()).toEqual([...LAYER_ORDER].sort());
  });

  it("lets the store take from src/feeds/ only the types the intake shares (lead.ts)", () => {
    const offenders = files(join("src", "store")).flatMap((f) =>
      importedPaths(f)
        .filter((path) => path[0] === "src" && path[1] === "feeds")
        .map((path) => path.join("/"))
        .filter((path) => path !== "src/feeds/lead.js")
        .map((path) => `${f} imports ${path}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each(Object.entries(LAYERS))("src/%s imports only from %j", (folder, allowed) => {
    const offenders = files(join("src", folder)).flatMap((f) =>
      importedFolders(f)
        .filter((d) => !allowed.includes(d))
        .map((d) => `${f} imports ${d}/`),
    );
    expect(offenders).toEqual([]);
  });
});
