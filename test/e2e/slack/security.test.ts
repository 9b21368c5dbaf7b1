import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  BOT_TOKEN,
  blockText,
  SIGNING_SECRET,
  type SlackHarness,
  startSlackHarness,
} from "../../support/harness/slack.js";
import { slackSignature, slashCommandBody } from "../../support/index.js";

let bot: SlackHarness;

beforeAll(async () => {
  bot = await startSlackHarness({ level: "debug" });
});

afterAll(async () => {
  await bot?.close();
});

function captivesBody(): string {
  return slashCommandBody("/captives", "", bot.standin.responseUrl());
}

describe("slack adapter: request verification", () => {
  it("answers 401 to a request signed with the wrong secret and runs nothing", async () => {
    const run = vi.spyOn(bot.core, "answerQuestion");
    const res = await bot.post({ body: captivesBody(), secret: "not-the-signing-secret" });
    expect(res.status).toBe(401);
    expect(res.text).toBe("");
    expect(run).not.toHaveBeenCalled();
    run.mockRestore();
  });

  it("answers 401 to a forged signature header and to a request with no signature", async () => {
    const run = vi.spyOn(bot.core, "answerQuestion");
    const forged = await bot.post({ body: captivesBody(), signature: `v0=${"0".repeat(64)}` });
    expect(forged.status).toBe(401);
    const res = await fetch(bot.eventsUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: captivesBody(),
    });
    expect(res.status).toBe(401);
    expect(run).not.toHaveBeenCalled();
    run.mockRestore();
  });

  it("answers 401 to a body changed after signing", async () => {
    const ts = Math.floor(Date.now() / 1000);
    const signature = slackSignature(SIGNING_SECRET, ts, captivesBody());
    const res = await bot.post({ body: `${captivesBody()}&text=private%3Atrue`, timestamp: ts, signature });
    expect(res.status).toBe(401);
  });

  it("answers 401 to a correctly signed request whose timestamp is more than 5 minutes old (a replay)", async () => {
    const run = vi.spyOn(bot.core, "answerQuestion");
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await bot.post({ body: captivesBody(), timestamp: stale });
    expect(res.status).toBe(401);
    expect(run).not.toHaveBeenCalled();
    run.mockRestore();
  });

  it("accepts a request signed 4 minutes ago", async () => {
    const res = await bot.post({ body: captivesBody(), timestamp: Math.floor(Date.now() / 1000) - 4 * 60 });
    expect(res.status).toBe(200);
  });
});

describe("slack adapter: malformed requests", () => {
  const malformed: [string, string, string][] = [
    ["JSON null", "null", "application/json"],
    ["a JSON number", "5", "application/json"],
    ["a JSON array", "[]", "application/json"],
    ["broken JSON", "{not json", "application/json"],
    ["a null interactive payload", "payload=null", "application/x-www-form-urlencoded"],
    ["a broken interactive payload", "payload=%7Bnot", "application/x-www-form-urlencoded"],
    ["a form with no command or type", "hello=world", "application/x-www-form-urlencoded"],
  ];

  it.each(malformed)(
    "answers 400 to %s, correctly signed, and still serves the next request",
    async (_name, body, contentType) => {
      const run = vi.spyOn(bot.core, "answerQuestion");
      const res = await bot.post({ body, contentType });
      expect(res.status).toBe(400);
      expect(run).not.toHaveBeenCalled();
      run.mockRestore();
      const next = await bot.command("/captives");
      expect(next.status).toBe(200);
      expect(blockText(next.json)).toContain("63 captives");
    },
  );

  it("answers 401, not 400, to a malformed body that is not signed", async () => {
    const res = await bot.post({ body: "null", contentType: "application/json", secret: "wrong" });
    expect(res.status).toBe(401);
  });

  it("answers 404 to other paths and methods", async () => {
    expect((await fetch(bot.eventsUrl, { method: "GET" })).status).toBe(404);
    expect(
      (await fetch(bot.eventsUrl.replace("/slack/events", "/elsewhere"), { method: "POST" })).status,
    ).toBe(404);
  });
});

describe("slack adapter: logs", () => {
  it("writes Bolt's own log lines through our logger, as JSON", () => {
    const lines = bot.logText().trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(bot.logText()).toMatch(/"component":"slack".*signature mismatch|Failed to parse and verify/);
  });

  it("never logs the bot token or the signing secret, even at debug level", async () => {
    await bot.command("/timeline");
    await bot.click("cf1:timeline:page=2");
    const text = bot.logText();
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain(SIGNING_SECRET);
    expect(text).not.toMatch(/xox[abp]-/);
  });
});
