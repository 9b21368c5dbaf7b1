/**
 * Who gets which language on Discord, end to end: the real discord.js client against the stand-in
 * Discord. A reader chooses Hebrew with /language and a channel manager subscribes the channel in
 * Arabic: the reader's /phase is Hebrew while the reminder the real scheduler posts to the channel
 * (through the real Discord sender) is Arabic. Without a choice, the interaction's French locale
 * gives French; a choice beats the locale. Registration sends /language and /subscribe language:
 * with their French localizations, the choices named in their own language.
 */
import { ApplicationCommandOptionType, MessageFlags, PermissionFlagsBits } from "discord-api-types/v10";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { markerFor } from "../../../src/delivery/marker.js";
import { DiscordSender } from "../../../src/platforms/discord/discord-sender.js";
import { renderDiscord } from "../../../src/platforms/discord/embeds.js";
import { registerCommands } from "../../../src/platforms/discord/register.js";
import { ManualClock } from "../../../src/time/clock.js";
import { type DiscordHarness, startDiscordHarness } from "../../support/harness/discord.js";
import {
  CHANNEL_ID,
  embedText,
  englishLeaks,
  makeScheduler,
  shippedData,
  shippedStory,
  storyTexts,
} from "../../support/index.js";

const READER = "900000000000000010";
const MANAGER = "900000000000000011";
const MANAGE = (BigInt("1071698660929") | PermissionFlagsBits.ManageChannels).toString();
const PLAIN = "1071698660929";
/** The story's own texts: the only English a reply in another language may show. */
const dataTexts = storyTexts(shippedStory());
const PHASE_ONE_0D = markerFor("gaza-2025:phase-one-end:0d");

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  await h.close();
});

const option = (name: string, value: string) => ({ name, type: ApplicationCommandOptionType.String, value });

describe("languages on Discord", () => {
  it("answers a reader who chose Hebrew in Hebrew while the channel's reminder is posted in Arabic", async () => {
    h.discord.memberPermissions = PLAIN;
    const chosen = await h.discord.command("language", [option("language", "he")], { userId: READER });
    expect(chosen.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(chosen)).toContain("מעכשיו אני עונה לך בשפה");

    h.discord.memberPermissions = MANAGE;
    const subscribed = await h.discord.command(
      "subscribe",
      [option("kind", "reminders"), option("language", "ar")],
      {
        userId: MANAGER,
      },
    );
    expect(embedText(subscribed)).toContain("Its alerts are written in Arabic.");
    expect(
      (await h.store.subscription({ platform: "discord", channelId: CHANNEL_ID, story: "gaza-2025" }))
        ?.language,
    ).toBe("ar");

    h.discord.memberPermissions = PLAIN;
    const phase = embedText(await h.discord.command("phase", [], { userId: READER }));
    expect(phase).toContain("בתוקף");
    expect(englishLeaks(phase, "he", { except: dataTexts }), phase).toEqual([]);

    const sender = new DiscordSender(h.adapter.client.rest, renderDiscord);
    const clock = new ManualClock("2025-03-01T07:00:00Z");
    await makeScheduler({ store: h.store, data: { dataset: shippedData() }, clock, sender }).tick();
    const posted = (h.discord.channelMessages.get(CHANNEL_ID) ?? []).filter((m) =>
      JSON.stringify(m).includes(PHASE_ONE_0D),
    );
    expect(posted).toHaveLength(1);
    const reminder = embedText({ type: 4, data: posted[0] as never });
    expect(reminder).toContain("تذكير");
    expect(reminder).not.toContain("בתוקף");
    expect(englishLeaks(reminder, "ar", { except: dataTexts }), reminder).toEqual([]);
  });

  it("answers a reader with no choice in the interaction's French locale", async () => {
    const phase = embedText(await h.discord.command("phase", [], { userId: READER, locale: "fr" }));
    expect(phase).toContain("Calendrier");
    expect(englishLeaks(phase, "fr", { except: dataTexts }), phase).toEqual([]);
  });

  it("answers in the server's French when the reader's locale is not one of ours", async () => {
    const phase = embedText(
      await h.discord.command("phase", [], { userId: READER, locale: "pt-BR", guildLocale: "fr" }),
    );
    expect(phase).toContain("Calendrier");
  });

  it("lets a choice beat the locale, and reset give the locale back", async () => {
    const french = { userId: READER, locale: "fr" };
    await h.discord.command("language", [option("language", "he")], french);
    expect(embedText(await h.discord.command("phase", [], french))).toContain("בתוקף");
    const reset = embedText(await h.discord.command("language", [option("language", "reset")], french));
    expect(reset).toContain("Votre choix est oublié.");
    expect(embedText(await h.discord.command("phase", [], french))).toContain("Calendrier");
  });

  it("registers /language and /subscribe language: with their French localizations, each choice in its own name", async () => {
    await registerCommands({ token: "t0ken", appId: h.discord.appId, apiUrl: h.discord.apiUrl, commands });
    const registered = h.discord.commands.registered.get("global") ?? [];
    const language = registered.find((c) => c.name === "language");
    expect(language?.description_localizations?.fr).toBeTruthy();
    const choices = language?.options?.find((o) => o.name === "language")?.choices ?? [];
    expect(choices.map((c) => [c.value, c.name])).toEqual([
      ["en", "English"],
      ["ar", "العربية"],
      ["he", "עברית"],
      ["fr", "Français"],
      ["reset", "reset"],
    ]);
    expect(choices.find((c) => c.value === "reset")?.name_localizations?.fr).toBeTruthy();
    const subscribeLanguage = registered
      .find((c) => c.name === "subscribe")
      ?.options?.find((o) => o.name === "language");
    expect(subscribeLanguage?.description_localizations?.fr).toBeTruthy();
    expect(subscribeLanguage?.choices?.map((c) => c.name)).toEqual([
      "English",
      "العربية",
      "עברית",
      "Français",
    ]);
  });
});
