/**
 * Every interaction Discord sends the bot, handed to its stage: a slash command answered in its
 * channel, an autocomplete, a button; while stopping, told to come back; a failure logged with why,
 * never thrown. The interactions are stand-ins with discord.js's type guards.
 */
import type { Interaction } from "discord.js";
import { describe, expect, it } from "vitest";
import { InFlight } from "../../../src/bot/in-flight.js";
import { noMetrics } from "../../../src/monitoring/metrics.js";
import { DISCORD_ERROR } from "../../../src/platforms/discord/errors.js";
import { interactionHandler } from "../../../src/platforms/discord/interactions.js";
import { captureLog, shippedCore } from "../../support/index.js";

type Kind = "command" | "autocomplete" | "button" | "modal";

function interaction(kind: Kind, extra: Record<string, unknown> = {}) {
  const calls: [string, unknown][] = [];
  const record = (method: string) => async (o: unknown) => void calls.push([method, o]);
  const value = {
    id: "I1",
    commandName: "phase",
    channelId: "C1",
    guildId: "G1",
    user: { id: "U1" },
    deferred: false,
    replied: false,
    inGuild: () => true,
    memberPermissions: { has: () => false },
    options: {
      data: [{ name: "private", value: true }],
      getFocused: () => ({ name: "tag", value: "" }),
    },
    customId: "not-ours",
    isChatInputCommand: () => kind === "command",
    isAutocomplete: () => kind === "autocomplete",
    isButton: () => kind === "button",
    isRepliable: () => kind !== "autocomplete",
    reply: record("reply"),
    respond: record("respond"),
    deferReply: record("deferReply"),
    editReply: record("editReply"),
    update: record("update"),
    ...extra,
  };
  return { interaction: value as unknown as Interaction, calls };
}

async function handler(inFlight = new InFlight()) {
  const { core, data } = await shippedCore();
  data.close();
  const { log, lines } = captureLog({ level: "debug" });
  return {
    handle: interactionHandler({ core, log, metrics: noMetrics, inFlight, deferAfterMs: 2_000 }),
    lines,
  };
}

const embedOf = (o: unknown) => (o as { embeds: { toJSON(): { title: string } }[] }).embeds[0]?.toJSON();

describe("an interaction", () => {
  it("runs a slash command with its options, privately when it asks", async () => {
    const { handle, lines } = await handler();
    const { interaction: i, calls } = interaction("command");
    await handle(i);
    expect(calls.map(([m]) => m)).toEqual(["reply"]);
    expect(embedOf(calls[0]?.[1])?.title).toMatch(/[Pp]hase/);
    expect(calls[0]?.[1]).toMatchObject({ flags: 64 });
    expect(lines().find((l) => l.msg === "interaction answered")).toMatchObject({
      kind: "command",
      id: "I1",
    });
  });

  it("answers an autocomplete with suggestions", async () => {
    const { handle } = await handler();
    const { interaction: i, calls } = interaction("autocomplete", { commandName: "timeline" });
    await handle(i);
    expect(calls.map(([m]) => m)).toEqual(["respond"]);
    expect(Array.isArray(calls[0]?.[1])).toBe(true);
  });

  it("hands a button press to the buttons", async () => {
    const { handle } = await handler();
    const { interaction: i, calls } = interaction("button");
    await handle(i);
    expect(calls.map(([m]) => m)).toEqual(["reply"]);
    expect(embedOf(calls[0]?.[1])?.title).toMatch(/button/i);
  });

  it("leaves alone an interaction of another kind", async () => {
    const { handle } = await handler();
    const { interaction: i, calls } = interaction("modal");
    await handle(i);
    expect(calls).toEqual([]);
  });

  it("is told to come back while the bot stops", async () => {
    const inFlight = new InFlight();
    await inFlight.close();
    const { handle } = await handler(inFlight);
    const { interaction: i, calls } = interaction("command");
    await handle(i);
    expect(embedOf(calls[0]?.[1])?.title).toBe("✖ The bot is restarting");
  });

  it("logs why answering failed, and never throws", async () => {
    const { handle, lines } = await handler();
    const expired = Object.assign(new Error("Unknown interaction"), {
      code: DISCORD_ERROR.unknownInteraction,
    });
    const { interaction: i } = interaction("command", {
      reply: async () => {
        throw expired;
      },
    });
    await expect(handle(i)).resolves.toBeUndefined();
    expect(lines().at(-1)).toMatchObject({
      kind: "command",
      msg: "interaction expired before the answer reached Discord",
    });
  });
});
