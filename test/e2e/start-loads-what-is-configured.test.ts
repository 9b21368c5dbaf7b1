/**
 * `ceasefire-bot start` loads only what its configuration uses (docs/decisions/0028-v8-defaults-and-
 * lazy-loading.md): the bot as deployed (one bundle, lazily imported modules in chunks of their own)
 * runs in a child process with a preload (test/support/scripts/loaded-modules.mjs) that records every
 * module it loads, ES modules through a resolution hook and CommonJS ones from the require cache.
 * Once both platforms are up, the packages those modules belong to are read: for a file of
 * node_modules its package, for a chunk of the bundle the packages esbuild put in it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  botEnv,
  freePort,
  installBotWithMetafile,
  packageOf,
  packagesInChunk,
  repoRoot,
  StandInDiscord,
  StandInSlack,
  tempDir,
  until,
  watchChild,
} from "../support/index.js";

const PRELOAD = join(repoRoot, "test/support/scripts/loaded-modules.mjs");
const TOKEN = "xoxb-lazy-start";

/** The packages a loaded file holds: its own when it is a package's, those bundled in it when a chunk. */
function packagesIn(file: string, metafile: Metafile): string[] {
  const own = packageOf(file);
  if (own) return [own];
  const chunk = Object.entries(metafile.outputs).find(([path]) => resolve(repoRoot, path) === file)?.[1];
  return chunk ? packagesInChunk(chunk) : [];
}

/** The packages a started bot has loaded, once both of its platforms are up. */
async function packagesLoadedBy(
  child: ChildProcess,
  logs: () => string,
  file: string,
  metafile: Metafile,
): Promise<Set<string>> {
  await until(
    "Discord and Slack to be up",
    () =>
      logs().includes('"msg":"discord bot ready"') && logs().includes('"msg":"slack adapter started"')
        ? true
        : undefined,
    60_000,
  );
  child.kill("SIGUSR2");
  await until("the list of loaded modules", () => (existsSync(file) ? true : undefined));
  const files = readFileSync(file, "utf8").split("\n").filter(Boolean);
  return new Set(files.flatMap((f) => packagesIn(f, metafile)));
}

describe("a start with the SQLite store, no desk, Slack in HTTP mode and no metrics port", () => {
  let discord: StandInDiscord;
  let slack: StandInSlack;
  let child: ChildProcess | undefined;
  let loaded: Set<string>;

  beforeAll(async () => {
    const install = await installBotWithMetafile();
    discord = await StandInDiscord.start();
    slack = await StandInSlack.start(TOKEN);
    const file = join(tempDir("cf-loaded-"), "modules.txt");
    child = spawn(process.execPath, ["--import", PRELOAD, "dist/src/cli/run.js", "start"], {
      cwd: install.dir,
      env: botEnv({
        LOADED_MODULES_FILE: file,
        LOG_LEVEL: "info",
        DATA_DIR: tempDir("cf-lazy-"),
        DISCORD_TOKEN: "lazy-start-token",
        DISCORD_APP_ID: discord.appId,
        DISCORD_API_URL: discord.apiUrl,
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_API_URL: slack.apiUrl,
        SLACK_SIGNING_SECRET: "lazy-start-secret",
        PORT: String(await freePort()),
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const { output } = watchChild(child);
    loaded = await packagesLoadedBy(child, output, file, install.metafile);
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await slack?.stop();
    await discord?.stop();
  });

  it("loads the platforms and the store it runs on (the record works)", () => {
    expect(loaded).toContain("discord.js");
    expect(loaded).toContain("@slack/bolt");
    expect(loaded).toContain("better-sqlite3");
  });

  it("loads neither PostgreSQL's client nor the desk's server", () => {
    expect(loaded).not.toContain("pg");
    expect(loaded).not.toContain("hono");
    expect(loaded).not.toContain("@hono/node-server");
  });

  it("loads no picture renderer until a picture is drawn", () => {
    expect(loaded).not.toContain("@resvg/resvg-js");
  });

  it("loads no metrics registry without a port to serve it, and no calendar writer", () => {
    expect(loaded).not.toContain("prom-client");
    expect(loaded).not.toContain("ical-generator");
    expect(loaded).not.toContain("luxon");
  });

  it("loads no feed reader when no story lists a feed", () => {
    expect(loaded).not.toContain("feedsmith");
    expect(loaded).not.toContain("fast-xml-parser");
  });

  it("loads neither Bolt's Express receiver nor pretty logs", () => {
    expect(loaded).not.toContain("express");
    expect(loaded).not.toContain("pino-pretty");
  });
});
