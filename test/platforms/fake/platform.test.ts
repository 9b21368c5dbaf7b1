/**
 * A platform is one folder and one list entry: FakeChat (this folder), registered by the test beside
 * the shipped platforms, runs through the real CLI (`start`, `ask --render`, the configuration) with
 * no edit anywhere else, and passes the same command and alert suites.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTICLE_KNOWN,
  type BotProcess,
  freePort,
  spawnCommand,
  tempDir,
  until,
} from "../../support/index.js";
import { type ChatHarness, describeAlertSuite, describeCommandSuite } from "../suites.js";
import { StandInFakeChat } from "./server.js";

const ENTRY = ["bin/run-ts.mjs", "test/platforms/fake/start-child.ts"];
const TOKEN = "fakechat-secret-token";
const CLOCK = "2025-02-28T06:59:45Z";

let chat: StandInFakeChat;
let bot: BotProcess;
let env: Record<string, string>;

function startBot(): Promise<void> {
  bot = spawnCommand("start", env, ["--clock", CLOCK], ENTRY);
  return bot.logged("fakechat adapter started", 30_000);
}

const harness: ChatHarness = {
  ask: async (line, where) => chat.type(line, where),
  posted: async (channelId) => chat.messages(channelId).map((m) => m.payload.text),
  async restart() {
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    await startBot();
  },
};

beforeAll(async () => {
  chat = new StandInFakeChat(TOKEN);
  await chat.start();
  const healthPort = await freePort();
  env = {
    FAKECHAT_TOKEN: TOKEN,
    FAKECHAT_API_URL: chat.url,
    SCHEDULER_CRON: "* * * * * *",
    HEALTH_PORT: String(healthPort),
    // One data folder, and so one SQLite store, across restarts.
    DATA_DIR: tempDir("cf-fakechat-"),
  };
  await startBot();
}, 40_000);

afterAll(async () => {
  bot?.child.kill("SIGTERM");
  await bot?.exited;
  await chat?.close();
});

describe("FakeChat, a platform added by one folder and one list entry", () => {
  describe("the command suite", () => describeCommandSuite(() => harness));
  describe("the alert suite", () => describeAlertSuite(() => harness));

  it("is ready on /readyz only with FakeChat connected, and counts its commands in /metrics", async () => {
    const port = env.HEALTH_PORT;
    const ready = await until("ready", async () => {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      return res.status === 200 ? ((await res.json()) as { checks: Record<string, string> }) : undefined;
    });
    expect(ready.checks).toMatchObject({ fakechat: "connected", store: "ok" });
    await chat.type("/phase", { channelId: "metrics" });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(
      /ceasefire_commands_total\{command="phase",platform="fakechat",outcome="ok"\} [1-9]/,
    );
  });

  it("never logs its token", () => {
    expect(bot.logs()).toContain("fakechat adapter started");
    expect(bot.logs()).not.toContain(TOKEN);
    expect(bot.logs()).toContain('"FAKECHAT_TOKEN":"[redacted]"');
  });

  it("refuses a bad request to its service with 401, as the real platforms do", async () => {
    const res = await fetch(`${chat.url}/me`, { headers: { authorization: "Bearer forged" } });
    expect(res.status).toBe(401);
  });
});

describe("the CLI with FakeChat in its list", () => {
  const run = (args: string[], extra: Record<string, string> = {}) =>
    promisify(execFile)(process.execPath, [...ENTRY, ...args], { env: { ...process.env, ...extra } }).catch(
      (err: { code: number; stdout: string; stderr: string }) => err,
    );

  it("renders a reply as FakeChat's payload with ask --render fakechat", async () => {
    // The 28 February article's own-day count is known from the end of that day.
    const out = await run(["ask", "/captives", "--at", ARTICLE_KNOWN, "--render", "fakechat"]);
    const payload = JSON.parse(out.stdout) as { text: string; ephemeral: boolean };
    expect(payload.text).toContain("24 captives, according to Israel, as of 28 Feb 2025");
    expect(payload.ephemeral).toBe(false);
  });

  it("reports FakeChat's bad settings with the core's, exiting 2", async () => {
    const out = await run(["ask", "/phase"], { FAKECHAT_TOKEN: "t", HEALTH_PORT: "not-a-port" });
    expect(out).toMatchObject({ code: 2 });
    expect(out.stderr).toContain("HEALTH_PORT: ");
    expect(out.stderr).toContain("FAKECHAT_API_URL: is required with FAKECHAT_TOKEN");
  });
});
