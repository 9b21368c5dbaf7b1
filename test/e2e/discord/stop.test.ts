/**
 * The Discord bot while it stops: the answer under way (a deferred one) is finished and edited in;
 * a command that arrives meanwhile is told, privately, to come back in a moment.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { BotCore } from "../../../src/bot/core.js";
import { InFlight } from "../../../src/bot/in-flight.js";
import type { Invocation } from "../../../src/command/definition.js";
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
      dataset: () => core.dataset(),
      run: (name: string, raw: Record<string, unknown>) => core.run(name, raw),
      handle: async (name: string, raw: Record<string, unknown>, invocation: Invocation) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return core.handle(name, raw, invocation);
      },
    });
    const inFlight = new InFlight();
    h = await startDiscordHarness({ wrapCore: slow, deferAfterMs: 50, inFlight });
    expect((await h.discord.command("captives")).type).toBe(5); // deferred; its answer is on its way

    const drained = inFlight.close();
    const late = await h.discord.command("phase");
    expect(late.data?.flags).toBe(64);
    expect(embedText(late)).toContain("The bot is restarting");

    await drained;
    const edit = await h.discord.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"),
      0,
    );
    expect(embedText({ type: 4, data: edit.body as CallbackBody["data"] })).toContain("24 captives");
  });
});
