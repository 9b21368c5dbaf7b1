import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { type DiscordHarness, startDiscordHarness, TOKEN } from "../../support/harness/discord.js";
import { type CallbackBody, embedText } from "../../support/index.js";

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness();
});
afterAll(async () => {
  await h?.close();
});

const STRING = ApplicationCommandOptionType.String;
const INTEGER = ApplicationCommandOptionType.Integer;
const BOOLEAN = ApplicationCommandOptionType.Boolean;

function buttons(body: CallbackBody) {
  return body.data?.components?.flatMap((row) => row.components) ?? [];
}

describe("the bot in a Discord server (real discord.js client, stand-in Discord)", () => {
  it("identifies with no gateway intent: interactions need none", () => {
    const identify = h.discord.identifies[0] as { intents: number; token: string };
    expect(identify.intents).toBe(0);
  });

  it("answers /captives with the figures, who states them, the source and the data's date", async () => {
    const body = await h.discord.command("captives");
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const text = embedText(body);
    expect(text).toContain("**63 captives**");
    expect(text).toContain("according to The Media Line");
    const footer = body.data?.embeds?.[0]?.footer?.text ?? "";
    expect(footer).toContain("The Media Line");
    expect(footer).toContain("Data as of 28 Feb 2025");
    expect(body.data?.flags ?? 0).toBe(0);
  });

  it.each([
    ["phase", "day 41 of 42"],
    ["timeline", "22 events · page 1 of 3"],
    ["deadlines", "End of phase one"],
    ["figures", "more than 600 prisoners"],
    ["parties", "Hamas"],
    ["sources", "Al Jazeera"],
    ["help", "/timeline"],
  ])("answers /%s (%s)", async (name, phrase) => {
    const body = await h.discord.command(name);
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(embedText(body)).toContain(phrase);
    expect(body.data?.embeds?.[0]?.footer?.text).toContain("Data as of");
  });

  it("answers every registered command, never pinging anyone", async () => {
    for (const def of commands) {
      const body = await h.discord.command(def.name);
      expect(body.type, def.name).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(body.data?.allowed_mentions, def.name).toEqual({ parse: [] });
    }
  });

  it("answers privately (flags 64) when asked with private:true", async () => {
    const body = await h.discord.command("captives", [{ name: "private", type: BOOLEAN, value: true }]);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain("63 captives");
  });

  it("answers a bad option with a private error naming the option", async () => {
    const body = await h.discord.command("timeline", [{ name: "from", type: STRING, value: "2025-13-45" }]);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data?.embeds?.[0]?.color).toBe(0xed4245);
    expect(embedText(body)).toContain("Option `from` must be a date like 2025-01-19");
  });

  it("passes Discord's typed values through: page is an integer", async () => {
    const body = await h.discord.command("timeline", [{ name: "page", type: INTEGER, value: 2 }]);
    expect(embedText(body)).toContain("page 2 of 3");
  });

  it("suggests tags that start with what was typed", async () => {
    const { id } = h.discord.autocomplete("timeline", [
      { name: "tag", type: STRING, value: "pha", focused: true },
    ]);
    const body = (await h.discord.callbackFor(id)).body as CallbackBody;
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(body.data?.choices).toEqual([
      { name: "phase-one", value: "phase-one" },
      { name: "phase-two", value: "phase-two" },
    ]);
  });

  it("suggests at most 25 values and names figures by their label", async () => {
    const { id } = h.discord.autocomplete("figures", [
      { name: "figure", type: STRING, value: "", focused: true },
    ]);
    const choices = ((await h.discord.callbackFor(id)).body as CallbackBody).data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({
      name: "captives-remaining — Captives remaining in Gaza",
      value: "captives-remaining",
    });
  });

  it("offers /claims the story's parties known by then, by name, and the one picked answers the command", async () => {
    const { id } = h.discord.autocomplete("claims", [
      { name: "party", type: STRING, value: "", focused: true },
    ]);
    const body = (await h.discord.callbackFor(id)).body as CallbackBody;
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(body.data?.choices).toEqual([
      { name: "israel — Israel", value: "israel" },
      { name: "hamas — Hamas", value: "hamas" },
      { name: "qatar — Qatar", value: "qatar" },
      { name: "united-states — United States", value: "united-states" },
      { name: "egypt — Egypt", value: "egypt" },
      { name: "palestinian-islamic-jihad — Palestinian Islamic Jihad", value: "palestinian-islamic-jihad" },
    ]);

    const typed = h.discord.autocomplete("claims", [
      { name: "party", type: STRING, value: "stat", focused: true },
    ]);
    const filtered = ((await h.discord.callbackFor(typed.id)).body as CallbackBody).data?.choices;
    expect(filtered).toEqual([{ name: "united-states — United States", value: "united-states" }]);

    const answer = await h.discord.command("claims", [{ name: "party", type: STRING, value: "hamas" }]);
    expect(answer.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(embedText(answer)).toContain("Abu Obeida, Spokesman for Hamas's armed wing");
  });

  it("pages the timeline with its Next and Previous buttons, updating the message (callback type 7)", async () => {
    const first = await h.discord.command("timeline");
    const [previous, next, why] = buttons(first);
    expect(previous?.disabled).toBe(true);
    expect(next?.disabled).toBeFalsy();
    expect(why?.label).toBe("Why?");

    const { id } = h.discord.button(next?.custom_id ?? "", first.data ?? {});
    const second = (await h.discord.callbackFor(id)).body as CallbackBody;
    expect(second.type).toBe(InteractionResponseType.UpdateMessage);
    expect(embedText(second)).toContain("page 2 of 3");
    expect(second.data?.flags).toBeUndefined();
    const [previous2, next2] = buttons(second);
    expect(previous2?.disabled).toBeFalsy();
    expect(next2?.disabled).toBeFalsy();

    const last = h.discord.button(next2?.custom_id ?? "", second.data ?? {});
    const third = (await h.discord.callbackFor(last.id)).body as CallbackBody;
    expect(third.type).toBe(InteractionResponseType.UpdateMessage);
    expect(embedText(third)).toContain("page 3 of 3");
    const [previous3, next3] = buttons(third);
    expect(previous3?.disabled).toBeFalsy();
    expect(next3?.disabled).toBe(true);

    const back = h.discord.button(previous3?.custom_id ?? "", third.data ?? {});
    const fourth = (await h.discord.callbackFor(back.id)).body as CallbackBody;
    expect(fourth.type).toBe(InteractionResponseType.UpdateMessage);
    expect(embedText(fourth)).toContain("page 2 of 3");
  });

  it("answers Why? privately with the quote behind each figure, leaving the message alone", async () => {
    const answer = await h.discord.command("captives");
    const why = buttons(answer).find((b) => b.label === "Why?");
    expect(why?.custom_id).toBe("cf1:sources:of=captives");
    const { id } = h.discord.button(why?.custom_id ?? "", answer.data ?? {});
    const body = (await h.discord.callbackFor(id)).body as CallbackBody;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    const text = embedText(body);
    expect(text).toContain("Why? Captives and prisoners");
    expect(text).toContain("Captives remaining in Gaza");
    expect(text).toContain("63 additional captives remain in Gaza");
    expect(text).toContain("The Media Line");
  });

  it("answers an unknown button id with a private error, leaving the message alone", async () => {
    const { id } = h.discord.button("legacy-button:next");
    const body = (await h.discord.callbackFor(id)).body as CallbackBody;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain("This button no longer works");
  });

  it("answers a stale button (a page the data no longer has) with a private error naming the option", async () => {
    const { id } = h.discord.button("cf1:timeline:page=99");
    const body = (await h.discord.callbackFor(id)).body as CallbackBody;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain("Option `page` must be at most 3");
  });

  it("logs no token", () => {
    expect(h.logText()).not.toContain(TOKEN);
    expect(h.logText()).not.toContain("interaction-token-");
  });
});
