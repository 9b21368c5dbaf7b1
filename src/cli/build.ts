/**
 * `npm run build`: the bot as plain JavaScript in dist/, what `npm start` and the deploy units run
 * (`node dist/src/cli/run.js`). esbuild bundles the bot's sources with the packages they import, with
 * the whitespace and syntax minified but every name kept (stack traces still name their functions;
 * the source maps beside the chunks give the lines). V8 keeps every loaded module's source text in
 * its heap, comments and indentation included: one bundle so written measured about 5 MB less heap
 * and 10 MB less resident memory in an idle bot than the same program loaded module by module from
 * node_modules (docs/decisions/0039-one-bundle-and-a-memory-limit.md). What the bot imports lazily (the
 * desk, the PostgreSQL store, pictures, calendars, feeds) stays in chunks of its own, loaded on first
 * use as before. Type checking is `npm run typecheck`'s.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { BuildOptions, Metafile } from "esbuild";

/**
 * Packages left in node_modules, loaded from there at run time:
 * - native addons, which find their binary by their own path (better-sqlite3, @resvg/resvg-js);
 * - Slack's packages: Bolt is loaded file by file through `require` (src/platforms/slack/bolt.ts),
 *   and the Web API client the bot imports must be the very copy Bolt uses;
 * - jsonc-parser, whose main file is a UMD module requiring its own files by relative path;
 * - pino-pretty, loaded only for LOG_FORMAT=pretty; playwright-core, never at run time;
 * - optional native speed-ups that packages try to load and do without (not installed).
 */
export const EXTERNAL: readonly string[] = [
  "better-sqlite3",
  "@resvg/resvg-js",
  "@slack/*",
  "jsonc-parser",
  "pino-pretty",
  "playwright-core",
  "pg-native",
  "zlib-sync",
  "bufferutil",
  "utf-8-validate",
];

/** esbuild's options for the bot under `root`, written to `outRoot`/dist. */
export function buildOptions(root: string, outRoot: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [join(root, "src/cli/run.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    external: [...EXTERNAL],
    // Modules imported lazily stay in chunks of their own and load only when used.
    splitting: true,
    outdir: join(outRoot, "dist/src/cli"),
    entryNames: "[name]",
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: "warning",
    // The packages written as CommonJS call `require` for Node's own modules: an ES module has none.
    banner: {
      js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);',
    },
  };
}

/**
 * Builds the bot under `root` into `outRoot`/dist (what was there before goes first: a chunk of an
 * earlier build is never left beside this one's); resolves with what went into which chunk (its paths
 * relative to `root`).
 */
export async function buildBot(root: string, outRoot: string = root): Promise<Metafile> {
  const { build } = await import("esbuild");
  rmSync(join(outRoot, "dist"), { recursive: true, force: true });
  const result = await build(buildOptions(root, outRoot));
  if (!result.metafile) throw new Error("esbuild gave no metafile");
  return result.metafile;
}
