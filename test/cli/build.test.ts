/**
 * `npm run build` (src/cli/build.ts): the bot as one bundle in dist/, packages included but for those
 * that must load from node_modules, names kept, nothing of an earlier build left behind.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join } from "node:path";
import type { Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBot, EXTERNAL } from "../../src/cli/build.js";
import { botEnv, installBot, packagesInChunk, repoRoot, tempDir } from "../support/index.js";

/** Every package esbuild put into some chunk. */
function bundledPackages(metafile: Metafile): Set<string> {
  return new Set(Object.values(metafile.outputs).flatMap(packagesInChunk));
}

/** The imports esbuild left for Node to resolve at run time, other than Node's own modules. */
function externalImports(metafile: Metafile): Set<string> {
  return new Set(
    Object.values(metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path),
    ),
  );
}

describe("the build", () => {
  let out: string;
  let metafile: Metafile;

  beforeAll(async () => {
    out = tempDir("cf-build-");
    mkdirSync(join(out, "dist/src/commands"), { recursive: true });
    writeFileSync(join(out, "dist/src/commands/stale.js"), "export {};\n");
    metafile = await buildBot(repoRoot, out);
  }, 60_000);

  it("bundles the packages the bot imports: discord.js, undici, zod, pino", () => {
    const bundled = bundledPackages(metafile);
    for (const name of ["discord.js", "@discordjs/rest", "undici", "zod", "pino"])
      expect(bundled).toContain(name);
  });

  it("leaves the native addons and Slack's packages in node_modules", () => {
    const bundled = bundledPackages(metafile);
    for (const name of ["better-sqlite3", "@resvg/resvg-js", "@slack/bolt", "@slack/web-api"]) {
      expect(bundled).not.toContain(name);
    }
    expect(externalImports(metafile)).toContain("better-sqlite3");
  });

  it("leaves out nothing but the packages it names, and the bot's own undici", () => {
    const named = (path: string) =>
      [...EXTERNAL, "undici"].some((e) =>
        e.endsWith("/*") ? path.startsWith(e.slice(0, -1)) : path === e || path.startsWith(`${e}/`),
      );
    expect([...externalImports(metafile)].filter((path) => !named(path))).toEqual([]);
  });

  it("leaves the bot's undici to the copy Bolt requires, and bundles the copies of another version once", () => {
    expect(externalImports(metafile)).toContain("undici");
    const copies = Object.keys(metafile.inputs).filter((path) => /(^|\/)undici\/index\.js$/.test(path));
    // discord.js and @discordjs/rest each have a copy of undici 6 npm could not hoist: one is bundled.
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^node_modules\/.+\/node_modules\/undici\/index\.js$/);
  });

  it("keeps the names of functions, so that stack traces name them, and drops the comments", () => {
    const chunks = readdirSync(join(out, "dist/src/cli")).filter((f) => f.endsWith(".js"));
    const text = chunks.map((f) => readFileSync(join(out, "dist/src/cli", f), "utf8")).join("\n");
    expect(text).toContain("function makeWords(");
    // src/cli/run.ts's own comment.
    expect(text).not.toContain("The compiled entry point");
  });

  it("writes a source map beside each chunk", () => {
    const chunks = readdirSync(join(out, "dist/src/cli")).filter((f) => f.endsWith(".js"));
    for (const chunk of chunks) expect(existsSync(join(out, "dist/src/cli", `${chunk}.map`))).toBe(true);
  });

  it("leaves nothing of an earlier build beside it", () => {
    expect(existsSync(join(out, "dist/src/commands/stale.js"))).toBe(false);
  });
});

describe("an install of the build", () => {
  it("runs: `node dist/src/cli/run.js --help` prints the usage", async () => {
    const dir = await installBot();
    const r = spawnSync(process.execPath, ["dist/src/cli/run.js", "--help"], {
      cwd: dir,
      env: botEnv({ LOG_LEVEL: "silent" }),
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Usage:");
    expect(r.status).toBe(0);
  });
});
