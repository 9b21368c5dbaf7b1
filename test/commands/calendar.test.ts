/**
 * /calendar: the address of a story's calendar feed under PUBLIC_URL, its webcal: form and an "Add to
 * calendar" button; a private coded error when the operator has not published the calendar.
 */
import { describe, expect, it } from "vitest";
import { webcalAddress } from "../../commands/calendar.js";
import { runCommand } from "../../src/command-engine/run.js";
import { renderDiscord } from "../../src/platforms/discord/embeds.js";
import { renderSlack } from "../../src/platforms/slack/blocks.js";
import { plainText } from "../../src/reply/reply.js";
import {
  AFTER,
  contextAt,
  DURING,
  datasetOf,
  discordViolations,
  expectWrittenIn,
  otherStory,
  registry,
  renderText,
  run,
  runIn,
  runText,
  slackViolations,
  truceStory,
} from "../support/index.js";

const PUBLIC = { publicUrl: "https://bot.example.org" };

describe("/calendar", () => {
  it("links to the default story's feed under the bot's public address, and gives its webcal: form", () => {
    const reply = run("calendar", {}, AFTER, PUBLIC);
    expect(reply).toMatchObject({ kind: "answer", ephemeral: false });
    const text = runText("calendar", {}, AFTER, PUBLIC);
    expect(text).toContain("https://bot.example.org/calendar/gaza-2025.ics");
    expect(text).toContain("webcal://bot.example.org/calendar/gaza-2025.ics");
    expect(text).toMatch(/Google Calendar.*\n.*Apple Calendar.*\n.*Outlook/);
  });

  it("offers an Add to calendar button opening the https address", () => {
    expect(run("calendar", {}, AFTER, PUBLIC).buttons).toEqual([
      { label: "Add to calendar", url: "https://bot.example.org/calendar/gaza-2025.ics" },
    ]);
  });

  it("links to the story asked for", () => {
    const context = contextAt(AFTER, PUBLIC, datasetOf(truceStory(), otherStory()));
    const reply = runCommand(registry, "calendar", { story: "other-2025" }, context);
    expect(renderText(reply)).toContain("https://bot.example.org/calendar/other-2025.ics");
  });

  it("says how many deadlines and phase ends the feed holds at the instant", () => {
    const summary = plainText(run("calendar", {}, "2025-01-17T10:00:00Z", PUBLIC).summary ?? []);
    expect(summary).toMatch(/: \d+ known now, and the feed follows/);
  });

  it("answers an unknown story with the coded error naming the stories", () => {
    const reply = run("calendar", { story: "nowhere" }, AFTER, PUBLIC);
    expect(reply).toMatchObject({ kind: "error", code: "unknown-value", ephemeral: true });
    expect(plainText(reply.summary ?? [])).toContain("gaza-2025");
  });

  it("tells privately that the calendar is not published when the bot has no public address", () => {
    expect(run("calendar", {}, AFTER, { publicUrl: undefined })).toMatchObject({
      kind: "error",
      code: "calendar-unpublished",
      ephemeral: true,
    });
  });

  it("keeps within Discord's and Slack's limits whatever the public address", () => {
    const long = { publicUrl: `https://bot.example.org/${"a".repeat(600)}` };
    for (const settings of [PUBLIC, long]) {
      const reply = run("calendar", {}, AFTER, settings);
      expect(discordViolations(renderDiscord(reply))).toEqual([]);
      expect(slackViolations(renderSlack(reply))).toEqual([]);
    }
  });

  it("writes the webcal: form of an http or https address", () => {
    expect(webcalAddress("https://a.example/calendar/x.ics")).toBe("webcal://a.example/calendar/x.ics");
    expect(webcalAddress("http://a.example/calendar/x.ics")).toBe("webcal://a.example/calendar/x.ics");
  });
});

describe("/calendar in Arabic, Hebrew and French", () => {
  it.each([
    ["ar", ["التقويم", "عنوان الخلاصة", "للاشتراك بنقرة واحدة", "أضف إلى التقويم"]],
    ["he", ["לוח שנה", "כתובת ההזנה", "להרשמה בלחיצה אחת", "הוספה ללוח השנה"]],
    ["fr", ["Calendrier", "Adresse du flux", "Pour s'abonner en un clic", "Ajouter au calendrier"]],
  ] as const)("gives the feed's address and how to subscribe, in %s", (language, expected) => {
    expectWrittenIn(runIn(language, "calendar", {}, DURING), language, expected);
  });

  it("links an Arabic reader to the Arabic feed, and an English one to the feed without a language", () => {
    const arabic = runIn("ar", "calendar", {}, DURING, PUBLIC);
    expect(arabic.buttons).toEqual([
      { label: "أضف إلى التقويم", url: "https://bot.example.org/calendar/gaza-2025.ics?language=ar" },
    ]);
    expect(JSON.stringify(arabic)).toContain("webcal://bot.example.org/calendar/gaza-2025.ics?language=ar");
    expect(runIn("he", "calendar", {}, DURING, PUBLIC).buttons).toEqual([
      { label: "הוספה ללוח השנה", url: "https://bot.example.org/calendar/gaza-2025.ics?language=he" },
    ]);
    expect(runIn("en", "calendar", {}, DURING, PUBLIC).buttons).toEqual([
      { label: "Add to calendar", url: "https://bot.example.org/calendar/gaza-2025.ics" },
    ]);
  });

  it("says in Hebrew that the calendar is not published", () => {
    const reply = runIn("he", "calendar", {}, DURING, { publicUrl: undefined });
    expect(reply.title).toBe("לוח השנה אינו מפורסם");
    expectWrittenIn(reply, "he", ["PUBLIC_URL"]);
  });
});
