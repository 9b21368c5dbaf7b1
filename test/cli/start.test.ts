/**
 * `ceasefire-bot start` in process: the data and the store opened, the core built on the commands
 * given, the platforms the run asks for started (the console when none is enabled), the health
 * routes and the calendar feeds served with HEALTH_PORT, and a clean stop when the console's input ends. (Signals, the
 * scheduler's reminders and the real platforms are specified where the bot runs as a process:
 * test/e2e/shutdown.test.ts, test/cli/live-clock.test.ts, test/e2e/.)
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { registry } from "../../commands/index.js";
import { loadBotConfig } from "../../src/cli/bot-config.js";
import { startBot } from "../../src/cli/start.js";
import { platforms } from "../../src/platforms/index.js";
import {
  ARTICLE_KNOWN,
  freePort,
  shippedDataDir,
  tempDir,
  until,
  writeStoryFolder,
} from "../support/index.js";

function run(options: { env?: Record<string, string>; dataPath?: string } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => (printed += String(chunk)));
  const errors: string[] = [];
  const bot = loadBotConfig({ LOG_LEVEL: "silent", DATA_DIR: tempDir(), ...options.env }, platforms);
  const exit = startBot({
    bot,
    registry,
    dataPath: options.dataPath ?? shippedDataDir,
    clockStart: new Date(ARTICLE_KNOWN),
    io: { out: () => {}, err: (t) => void errors.push(t) },
    input,
    output,
  });
  return { input, exit, printed: () => printed, errors };
}

describe("starting the bot", () => {
  it("runs the console when no platform is enabled, answering at the clock it is given, and exits 0 at the end of input", async () => {
    const bot = run();
    bot.input.end("/captives\n");
    expect(await bot.exit).toBe(0);
    expect(bot.printed()).toContain("24 captives, according to Israel");
  });

  it("keeps channel settings in the store under DATA_DIR", async () => {
    const dir = tempDir();
    const first = run({ env: { DATA_DIR: dir } });
    first.input.end("/subscribe kind:reminders\n");
    expect(await first.exit).toBe(0);
    const second = run({ env: { DATA_DIR: dir } });
    second.input.end("/subscriptions\n");
    expect(await second.exit).toBe(0);
    expect(second.printed()).toMatch(/reminders/);
    expect(second.printed()).not.toMatch(/not subscribed/);
  });

  it("exits 1 naming the problems when the data is invalid", async () => {
    const broken = writeStoryFolder({ "story.json": "{}" });
    const bot = run({ dataPath: broken });
    expect(await bot.exit).toBe(1);
    expect(bot.errors.join("\n")).toContain("story.json");
  });

  it("serves the health routes and the calendar feeds on HEALTH_PORT while it runs", async () => {
    const port = await freePort();
    const bot = run({ env: { HEALTH_PORT: String(port) } });
    const health = await until("the health server", async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      return res?.status;
    });
    expect(health).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toMatch(/ceasefire_/);
    const feed = await fetch(`http://127.0.0.1:${port}/calendar/gaza-2025.ics`);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(await feed.text()).toContain("UID:phase-one-end@gaza-2025.ceasefire-bot");
    bot.input.end();
    expect(await bot.exit).toBe(0);
  });
});
