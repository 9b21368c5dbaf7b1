/**
 * A press of a button the bot drew: the command it encodes, answered in place (the message replaced),
 * or for the presser alone (an error, a private answer); a button the bot did not make is stale.
 */
import type { ButtonInteraction } from "discord.js";
import { MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { encodeAction } from "../../../src/command-engine/actions.js";
import { ENGLISH, wordsFor } from "../../../src/language/words.js";
import { answerButton } from "../../../src/platforms/discord/buttons.js";
import { captureLog, shippedCore } from "../../support/index.js";

function press(customId: string, locale = "en-GB") {
  const calls: [string, Record<string, unknown>][] = [];
  const interaction = {
    customId,
    user: { id: "U1" },
    locale,
    guildLocale: "en-US",
    reply: async (o: Record<string, unknown>) => void calls.push(["reply", o]),
    update: async (o: Record<string, unknown>) => void calls.push(["update", o]),
  };
  return { interaction: interaction as unknown as ButtonInteraction, calls };
}

async function pressed(customId: string, locale?: string) {
  const { core, data } = await shippedCore();
  data.close();
  const { log, lines } = captureLog();
  const { interaction, calls } = press(customId, locale);
  await answerButton(interaction, { core, log, send: async (_i, deliver) => void (await deliver()) });
  return { calls, lines };
}

const titleOf = (o: Record<string, unknown> | undefined) =>
  ((o?.embeds ?? []) as { toJSON(): { title: string } }[])[0]?.toJSON().title;

describe("a button press", () => {
  it("replaces the message with the page it asks for", async () => {
    const { calls } = await pressed(encodeAction({ command: "timeline", options: { page: "2" } }));
    expect(calls.map(([m]) => m)).toEqual(["update"]);
    expect(titleOf(calls[0]?.[1])).toMatch(/Timeline/);
  });

  it("turns the page in the language of the person who pressed", async () => {
    const { calls } = await pressed(encodeAction({ command: "timeline", options: { page: "2" } }), "fr");
    expect(calls.map(([m]) => m)).toEqual(["update"]);
    expect(titleOf(calls[0]?.[1])).toMatch(/Chronologie/);
  });

  it("answers a button the bot did not make with the stale-button error, for the presser alone", async () => {
    const { calls, lines } = await pressed("something-else");
    expect(calls.map(([m]) => m)).toEqual(["reply"]);
    expect(calls[0]?.[1]?.flags).toBe(MessageFlags.Ephemeral);
    expect(lines().find((l) => l.msg === "unknown button")).toMatchObject({ code: "stale-button" });
  });

  it("tells a French presser in French that the button is stale", async () => {
    const { calls } = await pressed("something-else", "fr");
    expect(titleOf(calls[0]?.[1])).toContain(wordsFor("fr").t("errors.stale-button.title"));
    expect(titleOf(calls[0]?.[1])).not.toContain(ENGLISH.t("errors.stale-button.title"));
  });

  it("answers an error for the presser alone, leaving the message", async () => {
    const { calls } = await pressed(encodeAction({ command: "timeline", options: { from: "not-a-date" } }));
    expect(calls.map(([m]) => m)).toEqual(["reply"]);
    expect(calls[0]?.[1]?.flags).toBe(MessageFlags.Ephemeral);
  });
});
