import { LogLevel, SocketModeReceiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import type { Invocation } from "../../../src/command-engine/definition.js";
import { secretScrubber } from "../../../src/log.js";
import { createSlackAdapter } from "../../../src/platforms/slack/adapter.js";
import { answerUmbrella } from "../../../src/platforms/slack/answer.js";
import { boltLogger, boltLogLevel } from "../../../src/platforms/slack/logger.js";
import { captureLog, StandInSlack, shippedCore } from "../../support/index.js";

/** The core on the shipped data at a fixed clock. */
const core = async () => (await shippedCore()).core;

describe("slack adapter construction", () => {
  it("builds a Socket Mode app when an app token is given, without touching the network", async () => {
    const { log } = captureLog();
    const adapter = createSlackAdapter({
      core: await core(),
      botToken: "xoxb-1-2-socket",
      appToken: "xapp-1-A0-123-abc",
      port: 3000,
      umbrella: "ceasefire",
      log,
    });
    expect(adapter.mode).toBe("socket");
    expect(adapter.socket).toBeInstanceOf(SocketModeReceiver);
    expect(adapter.port()).toBeUndefined();
  });

  it("builds an HTTP app with a signing secret, and refuses HTTP mode without one", async () => {
    const { log } = captureLog();
    const c = await core();
    const http = createSlackAdapter({
      core: c,
      botToken: "xoxb-1",
      signingSecret: "s",
      port: 0,
      umbrella: "cf",
      log,
    });
    expect(http.mode).toBe("http");
    expect(() => createSlackAdapter({ core: c, botToken: "xoxb-1", port: 0, umbrella: "cf", log })).toThrow(
      /SLACK_SIGNING_SECRET/,
    );
  });

  it("sends Web API calls to the configured URL, adding the trailing slash", async () => {
    const { log } = captureLog();
    const standin = await StandInSlack.start("xoxb-good");
    const adapter = createSlackAdapter({
      core: await core(),
      botToken: "xoxb-good",
      signingSecret: "s",
      apiUrl: standin.apiUrl.replace(/\/$/, ""),
      port: 0,
      host: "127.0.0.1",
      umbrella: "cf",
      log,
    });
    try {
      await adapter.start();
      expect(standin.calls("auth.test")).toHaveLength(1);
      expect(adapter.port()).toBeGreaterThan(0);
    } finally {
      await adapter.stop();
      await standin.stop();
    }
  });

  it("fails to start with a token Slack refuses, and logs no token", async () => {
    const { log, text } = captureLog();
    const standin = await StandInSlack.start("xoxb-good");
    const adapter = createSlackAdapter({
      core: await core(),
      botToken: "xoxb-revoked-9999-secretvalue",
      signingSecret: "signing-secret-value",
      apiUrl: standin.apiUrl,
      port: 0,
      host: "127.0.0.1",
      umbrella: "cf",
      log,
    });
    try {
      await expect(adapter.start()).rejects.toThrow(/invalid_auth/);
    } finally {
      await adapter.stop();
      await standin.stop();
    }
    expect(text()).not.toContain("secretvalue");
    expect(text()).not.toContain("signing-secret-value");
  });
});

describe("slack umbrella command", () => {
  const invocation: Invocation = {
    platform: "slack",
    channelId: "C1",
    workspaceId: "T1",
    userId: "U1",
    canManage: async () => false,
  };

  it("takes the subcommand with or without its slash, in any case", async () => {
    const c = await core();
    expect((await answerUmbrella(c, "cf", "/Captives", invocation)).title).toContain("Captives");
    expect((await answerUmbrella(c, "cf", "  captives  private:true ", invocation)).ephemeral).toBe(true);
  });

  it("refuses a subcommand holding a control character without quoting it back", async () => {
    const reply = await answerUmbrella(await core(), "cf", "capt\u0007ives", invocation);
    expect(reply).toMatchObject({ kind: "error", ephemeral: true });
    expect(reply.summary).toEqual([
      "The command contains a control character (U+0007), which the bot does not accept: type it again without it.",
    ]);
  });
});

describe("slack logger adapter", () => {
  it("writes Bolt's messages through pino with secrets and token-shaped strings scrubbed", () => {
    const { log, text } = captureLog();
    const logger = boltLogger(log, ["my-signing-secret", "xoxb-real-token"]);
    logger.info("using token xoxb-real-token and", { secret: "my-signing-secret" });
    logger.warn("another token xoxp-123-456-abc");
    logger.error("failed", new Error("bad xapp-1-A1-zzz with my-signing-secret"));
    const out = text();
    expect(out).not.toContain("xoxb-real-token");
    expect(out).not.toContain("my-signing-secret");
    expect(out).not.toContain("xoxp-123");
    expect(out).not.toContain("xapp-1-A1");
    expect(out).toContain("[redacted]");
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.level)).toEqual([30, 40, 50]);
    expect(lines[2].err.message).toBe("bad [redacted] with [redacted]");
    expect(lines.every((l) => l.component === "slack")).toBe(true);
  });

  it("follows the bot's level, and Bolt's setLevel and setName", () => {
    const { log, text } = captureLog({ level: "info" });
    const logger = boltLogger(log, []);
    expect(logger.getLevel()).toBe(LogLevel.INFO);
    logger.debug("hidden");
    logger.setLevel(LogLevel.DEBUG);
    logger.setName("socket-mode:1");
    logger.debug("shown");
    expect(text()).not.toContain("hidden");
    expect(JSON.parse(text()).name).toBe("socket-mode:1");
    expect(boltLogLevel("trace")).toBe(LogLevel.DEBUG);
    expect(boltLogLevel("silent")).toBe(LogLevel.ERROR);
  });

  it("scrubs nothing but secrets", () => {
    expect(secretScrubber(["abcd"])("no secrets here")).toBe("no secrets here");
  });
});
