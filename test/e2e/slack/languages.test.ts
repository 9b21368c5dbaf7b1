/**
 * Who gets which language on Slack, end to end: the real Bolt App against the stand-in Slack. A
 * reader chooses Hebrew with /language and a workspace admin subscribes the channel in Arabic: the
 * reader's /phase is Hebrew while the reminder the real scheduler posts (through the real Slack
 * sender) is Arabic. Without a choice, a user whose users.info locale is fr-FR gets French, and a
 * channel whose conversations.info locale is French gets its reminders in French; a choice beats
 * the locale.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markerFor } from "../../../src/delivery/marker.js";
import { renderSlack } from "../../../src/platforms/slack/blocks.js";
import { createSlackSender } from "../../../src/platforms/slack/slack-sender.js";
import { ManualClock } from "../../../src/time/clock.js";
import { BOT_TOKEN, blockText, type SlackHarness, startSlackHarness } from "../../support/harness/slack.js";
import { englishLeaks, makeScheduler, shippedData, shippedStory, storyTexts } from "../../support/index.js";

const CHANNEL = "C0CHANNEL";
const PHASE_ONE_0D = markerFor("gaza-2025:phase-one-end:0d");
/** The story's own texts: the only English a reply in another language may show. */
const dataTexts = storyTexts(shippedStory());

/**
 * A reply's text without its picture's line: a picture's alt text is still written in English,
 * apart from the catalog (as test/support/language.ts `replyLeaks` leaves it out too).
 */
function withoutPicture(text: string): string {
  return text
    .split("\n")
    .filter((line) => !line.startsWith("🖼"))
    .join("\n");
}

let bot: SlackHarness;
beforeEach(async () => {
  bot = await startSlackHarness({ level: "info", adminUsers: ["U0ADMIN"] });
});
afterEach(async () => {
  await bot.close();
});

/** The real scheduler posting through the real Slack sender, ticked once when phase one ends. */
async function remindWhenPhaseOneEnds(): Promise<string[]> {
  const sender = createSlackSender({ token: BOT_TOKEN, apiUrl: bot.standin.apiUrl, render: renderSlack });
  const clock = new ManualClock("2025-03-01T07:00:00Z");
  await makeScheduler({ store: bot.store, data: { dataset: shippedData() }, clock, sender }).tick();
  return bot.standin
    .calls("chat.postMessage")
    .filter((c) => c.fields.channel === CHANNEL && JSON.stringify(c.fields).includes(PHASE_ONE_0D))
    .map((c) => {
      const blocks = typeof c.fields.blocks === "string" ? JSON.parse(c.fields.blocks) : c.fields.blocks;
      return blockText({ blocks });
    });
}

describe("languages on Slack", () => {
  it("answers a reader who chose Hebrew in Hebrew while the channel's reminder is posted in Arabic", async () => {
    const chosen = await bot.command("/language", "language:he", "U0READER");
    expect(chosen.json?.response_type).toBe("ephemeral");
    expect(blockText(chosen.json)).toContain("מעכשיו אני עונה לך בשפה");

    const subscribed = await bot.command("/subscribe", "kind:reminders language:ar", "U0ADMIN");
    expect(subscribed.json?.response_type).toBe("in_channel");
    expect(
      (await bot.store.subscription({ platform: "slack", channelId: CHANNEL, story: "gaza-2025" }))?.language,
    ).toBe("ar");

    const phase = withoutPicture(blockText((await bot.command("/phase", "", "U0READER")).json));
    expect(phase).toContain("בתוקף");
    expect(englishLeaks(phase, "he", { except: dataTexts }), phase).toEqual([]);

    const [reminder, ...more] = await remindWhenPhaseOneEnds();
    expect(more).toEqual([]);
    expect(reminder).toContain("تذكير");
    expect(englishLeaks(reminder ?? "", "ar", { except: dataTexts }), reminder).toEqual([]);
  });

  it("answers a user whose Slack locale is fr-FR in French, asking users.info with include_locale once", async () => {
    bot.standin.locales.set("U0FR", "fr-FR");
    const phase = withoutPicture(blockText((await bot.command("/phase", "", "U0FR")).json));
    expect(phase).toContain("Calendrier");
    expect(englishLeaks(phase, "fr", { except: dataTexts }), phase).toEqual([]);
    await bot.command("/captives", "", "U0FR");
    expect(
      bot.standin
        .calls("users.info")
        .filter((c) => c.fields.user === "U0FR" && c.fields.include_locale === "true"),
    ).toHaveLength(1);
  });

  it("lets a choice beat the Slack locale", async () => {
    bot.standin.locales.set("U0FR", "fr-FR");
    await bot.command("/language", "language:he", "U0FR");
    expect(blockText((await bot.command("/phase", "", "U0FR")).json)).toContain("בתוקף");
    const status = blockText((await bot.command("/language", "", "U0FR")).json);
    expect(status).toContain("כפי שבחרת");
  });

  it("writes a channel's reminders in the channel's own French locale when the admin chose none", async () => {
    bot.standin.channelLocales.set(CHANNEL, "fr-FR");
    await bot.command("/subscribe", "kind:reminders", "U0ADMIN");
    expect(
      (await bot.store.subscription({ platform: "slack", channelId: CHANNEL, story: "gaza-2025" }))?.language,
    ).toBe("fr");
    const listed = blockText((await bot.command("/subscriptions", "", "U0READER")).json);
    expect(listed).toContain("Its alerts are written in French.");
    const [reminder] = await remindWhenPhaseOneEnds();
    expect(reminder).toContain("Rappel");
    expect(englishLeaks(reminder ?? "", "fr", { except: dataTexts }), reminder).toEqual([]);
  });
});
