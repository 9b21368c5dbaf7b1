/**
 * Slack's section of the configuration: the bot token, and either HTTP mode's signing secret and PORT
 * or Socket Mode's app-level token; the umbrella command and the bot's admins.
 */
import { describe, expect, it } from "vitest";
import { readSlackSettings, SLACK_SECRETS } from "../../../src/platforms/slack/slack-settings.js";
import { configProblems } from "../../support/index.js";

const problems = configProblems(readSlackSettings);

describe("Slack's settings", () => {
  it("default to the /ceasefire umbrella, no admins and port 3000", () => {
    expect(readSlackSettings({})).toMatchObject({
      SLACK_UMBRELLA_COMMAND: "ceasefire",
      SLACK_ADMIN_USERS: [],
      PORT: 3000,
    });
  });

  it("read the admins as a comma-separated list of user ids", () => {
    expect(readSlackSettings({ SLACK_ADMIN_USERS: " U1, ,U2 " }).SLACK_ADMIN_USERS).toEqual(["U1", "U2"]);
  });

  it("need a signing secret (HTTP mode) or an app token (Socket Mode) with a bot token", () => {
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      "SLACK_SIGNING_SECRET: is required when SLACK_BOT_TOKEN is set (or SLACK_APP_TOKEN for Socket Mode)",
    ]);
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })).toEqual([]);
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" })).toEqual([]);
  });

  it("refuse an umbrella that is not a command name, a bad URL and a bad port, naming each", () => {
    const found = problems({ SLACK_UMBRELLA_COMMAND: "/cease fire", SLACK_API_URL: "nope", PORT: "x" });
    expect(found.map((p) => p.split(":")[0]).sort()).toEqual([
      "PORT",
      "SLACK_API_URL",
      "SLACK_UMBRELLA_COMMAND",
    ]);
  });

  it("keep the three tokens secret", () => {
    expect([...SLACK_SECRETS]).toEqual(["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"]);
  });
});
