/**
 * The Discord bot while it stops: the answer under way (a deferred one) is finished and edited in;
 * a command that arrives meanwhile is told, privately, to come back in a moment.
 */

import { InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { afterEach, describe, expect, it } from "vitest";
import type { BotCore } from "../../../src/bot/core.js";
import { InFlight } from "../../../src/bot/in-flight.js";
import type { Invocation } from "../../../src/command-engine/definition.js";
import { type DiscordHarness, startDiscordHarness } from "../../support/harness/discord.js";
import { type CallbackBody, embedText } from "../../support/index.js";

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("the Discord bot while it stops", () => {
  it("finishes the deferred answer under way and turns new commands away, privately", async () => {
    const slow = (core: BotCore) => ({
      suggest: core.suggest,
      answerQuestion: (name: string, raw: Record<string, unknown>) => core.answerQuestion(name, raw),
      answerInChannel: async (name: string, raw: Record<string, unknown>, invocation: Invocation) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return core.answerInChannel(name, raw, invocation);
      },
    });
    const inFlight = new InFlight();
    h = await startDiscordHarness({ wrapCore: slow, deferAfterMs: 50, inFlight });
    expect((await h.discord.command("captives")).type).toBe(
      InteractionResponseType.DeferredChannelMessageWithSource,
    ); // deferred; its answer is on its way

    const drained = inFlight.close();
    const late = await h.discord.command("phase");
    expect(late.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(late)).toContain("The bot is restarting");

    await drained;
    const edit = await h.discord.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"),
      0,
    );
    expect(
      embedText({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: edit.body as CallbackBody["data"],
      }),
    ).toContain("63 captives");
  });
});
