/**
 * What Slack says of a reader's and a channel's language, asked of the stand-in Slack over HTTP with
 * the real Web API client: users.info and conversations.info with include_locale, each kept an hour
 * per user or channel; a call that fails is an unknown locale, asked again next time.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localeClient, SlackLocales } from "../../../src/platforms/slack/locales.js";
import { boltLogger } from "../../../src/platforms/slack/logger.js";
import { ManualClock } from "../../../src/time/clock.js";
import { captureLog, StandInSlack } from "../../support/index.js";

let slack: StandInSlack;
let clock: ManualClock;
let locales: SlackLocales;
let log: ReturnType<typeof captureLog>;

beforeEach(async () => {
  slack = await StandInSlack.start();
  clock = new ManualClock("2026-12-07T10:00:00Z");
  log = captureLog({ level: "info" });
  const client = localeClient({
    botToken: slack.botToken,
    apiUrl: slack.apiUrl,
    logger: boltLogger(log.log, []),
  });
  locales = new SlackLocales(client, clock, log.log);
});
afterEach(async () => {
  await slack.stop();
});

describe("slack locales", () => {
  it("asks users.info with include_locale for a user's locale, once an hour", async () => {
    slack.locales.set("U1", "fr-FR");
    expect(await locales.userLocale("U1")).toBe("fr-FR");
    expect(await locales.userLocale("U1")).toBe("fr-FR");
    expect(slack.calls("users.info").map((c) => [c.fields.user, c.fields.include_locale])).toEqual([
      ["U1", "true"],
    ]);
    slack.locales.set("U1", "he-IL");
    clock.set("2026-12-07T10:59:59Z");
    expect(await locales.userLocale("U1")).toBe("fr-FR");
    clock.set("2026-12-07T11:00:00Z");
    expect(await locales.userLocale("U1")).toBe("he-IL");
  });

  it("asks conversations.info with include_locale for a channel's locale, none when the channel has none", async () => {
    slack.channelLocales.set("C1", "ar");
    expect(await locales.channelLocale("C1")).toBe("ar");
    expect(await locales.channelLocale("C2")).toBeUndefined();
    expect(slack.calls("conversations.info").map((c) => [c.fields.channel, c.fields.include_locale])).toEqual(
      [
        ["C1", "true"],
        ["C2", "true"],
      ],
    );
  });

  it("makes one call for commands arriving together", async () => {
    slack.locales.set("U1", "fr-FR");
    const all = await Promise.all([
      locales.userLocale("U1"),
      locales.userLocale("U1"),
      locales.userLocale("U1"),
    ]);
    expect(all).toEqual(["fr-FR", "fr-FR", "fr-FR"]);
    expect(slack.calls("users.info")).toHaveLength(1);
  });

  it("knows no locale when Slack refuses the call, says so once in the log, and asks again next time", async () => {
    slack.locales.set("U1", "fr-FR");
    slack.rateLimitsOnce.set("users.info", 30);
    expect(await locales.userLocale("U1")).toBeUndefined();
    expect(log.text()).toContain("slack locale unknown");
    expect(await locales.userLocale("U1")).toBe("fr-FR");
    expect(slack.calls("users.info")).toHaveLength(2);
  });
});
