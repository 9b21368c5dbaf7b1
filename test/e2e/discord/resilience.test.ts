import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { afterEach, describe, expect, it } from "vitest";
import type { BotCore } from "../../../src/bot/core.js";
import type { Invocation } from "../../../src/command-engine/definition.js";
import { type DiscordHarness, startDiscordHarness, TOKEN } from "../../support/harness/discord.js";
import { type CallbackBody, embedText } from "../../support/index.js";

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("the Discord bot when Discord misbehaves", () => {
  it("resumes its session after the gateway drops the connection, and keeps answering", async () => {
    h = await startDiscordHarness();
    expect(embedText(await h.discord.command("captives"))).toContain("63 captives");
    h.discord.forceDisconnect(4000);
    await h.discord.waitForSessions(2);
    expect(h.discord.identifies).toHaveLength(1);
    expect(h.discord.resumes).toHaveLength(1);
    expect(embedText(await h.discord.command("captives"))).toContain("63 captives");
  });

  it("waits out a 429 (retry_after) and then answers", async () => {
    h = await startDiscordHarness();
    h.discord.rateLimitOnce("POST", /\/callback$/, 0.4);
    const started = performance.now();
    const body = await h.discord.command("phase");
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
    expect(embedText(body)).toContain("day 41 of 42");
    expect(h.discord.requests.filter((r) => r.method === "POST (429)")).toHaveLength(1);
    expect(h.logText()).toContain("rate limited by Discord");
  });

  it("logs an expired interaction (10062) without crashing or logging its token", async () => {
    h = await startDiscordHarness();
    h.discord.failOnce("POST", /\/callback$/, 404, 10062, "Unknown interaction");
    const { id } = h.discord.chatInput("captives");
    await expect.poll(() => h?.logText().includes("interaction expired"), { timeout: 3_000 }).toBe(true);
    expect(h.discord.requests.some((r) => r.path.startsWith(`/interactions/${id}/`))).toBe(true);
    const warning = h.logs.find((l) => l.msg === "interaction expired before the answer reached Discord");
    expect(warning?.error).toMatchObject({ code: 10062, status: 404 });
    expect(String((warning?.error as { url?: string } | undefined)?.url)).toContain("/[redacted]/callback");
    expect(h.logText()).not.toContain("interaction-token-");
    expect(h.logText()).not.toContain(TOKEN);
    // Still answering.
    expect(embedText(await h.discord.command("captives"))).toContain("63 captives");
  });

  it("logs an interaction already answered elsewhere (40060)", async () => {
    h = await startDiscordHarness();
    h.discord.failOnce("POST", /\/callback$/, 400, 40060, "Interaction has already been acknowledged.");
    h.discord.chatInput("help");
    await expect
      .poll(() => h?.logText().includes("interaction was already answered"), { timeout: 3_000 })
      .toBe(true);
  });

  it.each([
    {
      why: "Discord rejects the reply itself (50035)",
      status: 400,
      code: 50035,
      message: "Invalid Form Body",
      logged: "Discord rejected a reply",
    },
    {
      why: "the reply fails for another reason (413)",
      status: 413,
      code: 40005,
      message: "Request entity too large",
      logged: "sending a reply failed",
    },
  ])("tells the user when $why rather than staying silent", async ({ status, code, message, logged }) => {
    h = await startDiscordHarness();
    h.discord.failOnce("POST", /\/callback$/, status, code, message);
    const { id } = h.discord.chatInput("captives");
    const answered = await h.discord.waitForRequest(
      (r) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`),
    );
    const body = answered.body as CallbackBody;
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain("Something went wrong");
    expect(h.logs.find((l) => l.msg === logged)?.error).toMatchObject({ code, status });
  });

  it("defers a slow answer (callback type 5) and edits it in when ready", async () => {
    const slow = (core: BotCore) => ({
      suggest: core.suggest,
      answerQuestion: (name: string, raw: Record<string, unknown>) => core.answerQuestion(name, raw),
      answerInChannel: async (name: string, raw: Record<string, unknown>, invocation: Invocation) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return core.answerInChannel(name, raw, invocation);
      },
    });
    h = await startDiscordHarness({ wrapCore: slow, deferAfterMs: 50 });
    const body = await h.discord.command("captives", [
      { name: "private", type: ApplicationCommandOptionType.Boolean, value: true },
    ]);
    expect(body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    const edit = await h.discord.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"),
    );
    expect(edit.path).toMatch(new RegExp(`^/webhooks/${h.discord.appId}/`));
    expect(
      embedText({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: edit.body as CallbackBody["data"],
      }),
    ).toContain("63 captives");
  });
});
