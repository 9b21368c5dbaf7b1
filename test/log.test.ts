/**
 * Logs for operators: secrets never reach a log line, in whatever shape a library hands them over
 * (an error's message, its stack, the request config it carries), in JSON and in the pretty format.
 */
import { describe, expect, it } from "vitest";
import { botSecrets, loadBotConfig } from "../src/cli/bot-config.js";
import { ConfigError, loadConfig } from "../src/config.js";
import { type LogFormat, secretScrubber } from "../src/log.js";
import { platforms } from "../src/platforms/index.js";
import { captureLog } from "./support/index.js";

const ENV = {
  DISCORD_TOKEN: "MTE5.discord-token.secret-part",
  DISCORD_APP_ID: "1190000000000000000",
  SLACK_BOT_TOKEN: "xoxb-1111-2222-slack-bot-secret",
  SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
  DATABASE_URL: "postgres://bot:p%40ss-w0rd%22x@db.example.org:5432/bot",
};
const SECRETS = [
  ENV.DISCORD_TOKEN,
  ENV.SLACK_BOT_TOKEN,
  ENV.SLACK_SIGNING_SECRET,
  "p%40ss-w0rd%22x",
  'p@ss-w0rd"x',
  ENV.DATABASE_URL,
];

const capture = (format: LogFormat) =>
  captureLog({ format, secrets: botSecrets(loadBotConfig(ENV, platforms)) });

/** An error as HTTP clients throw them: the token in the message, the stack and the request config. */
function libraryError(): Error {
  const err = new Error(`Request to https://discord.com/api/v10/gateway failed: Bot ${ENV.DISCORD_TOKEN}`);
  Object.assign(err, {
    code: "ERR_BAD_REQUEST",
    config: {
      url: "https://slack.com/api/chat.postMessage",
      headers: { Authorization: `Bearer ${ENV.SLACK_BOT_TOKEN}` },
      data: `token=${encodeURIComponent(ENV.SLACK_BOT_TOKEN)}&channel=C1`,
    },
  });
  return err;
}

describe.each(["json", "pretty"] as const)("the %s log", (format) => {
  it("keeps every secret out of a library's error: its message, stack and request config", () => {
    const { log, text } = capture(format);
    log.error({ err: libraryError() }, "sending failed");
    expect(text()).toContain("sending failed");
    expect(text()).toContain("[redacted]");
    for (const secret of SECRETS) expect(text()).not.toContain(secret);
  });

  it("keeps the database password out, alone or inside the URL, and the signing secret anywhere", () => {
    const { log, text } = capture(format);
    log.warn({ url: ENV.DATABASE_URL, detail: 'password "p@ss-w0rd"x" rejected' }, "store unreachable");
    log.info(`verifying with ${ENV.SLACK_SIGNING_SECRET}`);
    expect(text()).toContain("store unreachable");
    for (const secret of SECRETS) expect(text()).not.toContain(secret);
  });
});

describe("the logging configuration", () => {
  it("is JSON unless LOG_FORMAT=pretty, and rejects any other format", () => {
    expect(loadConfig({}).LOG_FORMAT).toBe("json");
    expect(loadConfig({ LOG_FORMAT: "pretty" }).LOG_FORMAT).toBe("pretty");
    expect(() => loadConfig({ LOG_FORMAT: "xml" })).toThrow(ConfigError);
  });

  it("writes JSON lines that a log collector can parse", () => {
    const { log, text } = capture("json");
    log.info({ platform: "discord" }, "discord bot ready");
    expect(JSON.parse(text().trim())).toMatchObject({
      level: 30,
      platform: "discord",
      msg: "discord bot ready",
    });
  });
});

describe("the secret scrubber", () => {
  it("scrubs nothing but secrets", () => {
    expect(secretScrubber(["abcd"])("no secrets here")).toBe("no secrets here");
  });
});
