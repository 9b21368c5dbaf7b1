import { LogLevel } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { boltLogger, boltLogLevel } from "../../../src/platforms/slack/logger.js";
import { captureLog } from "../../support/index.js";

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
});
