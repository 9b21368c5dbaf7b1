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
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { BuildOptions, Metafile, Plugin } from "esbuild";

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

/**
 * undici, loaded as few times as its versions allow (docs/decisions/0040-one-http-client.md):
 * - the bot's own (node_modules/undici) stays in node_modules, shared with Bolt's Socket Mode client,
 *   which requires that very copy from there: one copy loaded, one instance of its HTTP parser;
 * - the copies npm could not hoist beside it (discord.js's and @discordjs/rest's, of one version) are
 *   bundled once: each import of a version goes to the first copy of that version found.
 */
function sharedUndici(root: string): Plugin {
  const own = join(root, "node_modules", "undici") + sep;
  const copies = undiciCopies(root);
  return {
    name: "shared-undici",
    setup(build) {
      build.onResolve({ filter: /^undici$/ }, async (args) => {
        if (args.pluginData === "shared-undici") return undefined;
        const { path } = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: "shared-undici",
        });
        if (path.startsWith(own)) return { path: args.path, external: true };
        const dir = path.slice(0, path.lastIndexOf(`${sep}undici${sep}`) + `${sep}undici`.length);
        const first = copies.get(versionOf(dir));
        return { path: first ? join(first, relative(dir, path)) : path };
      });
    },
  };
}

function versionOf(packageDir: string): string {
  return (JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string }).version;
}

/** The copies of undici nested one package deep in `root`'s node_modules: the first of each version. */
function undiciCopies(root: string): Map<string, string> {
  const modules = join(root, "node_modules");
  const packages = readdirSync(modules).flatMap((name) =>
    name.startsWith("@") ? readdirSync(join(modules, name)).map((inner) => join(name, inner)) : [name],
  );
  const copies = new Map<string, string>();
  for (const name of packages.sort()) {
    const dir = join(modules, name, "node_modules", "undici");
    if (!existsSync(join(dir, "package.json"))) continue;
    const version = versionOf(dir);
    if (!copies.has(version)) copies.set(version, dir);
  }
  return copies;
}

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
    plugins: [sharedUndici(root)],
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
