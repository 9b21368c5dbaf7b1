/**
 * The Discord bot: a discord.js client that asks for no gateway intent and caches next to nothing,
 * connects the shards it is given, sends REST requests where it is told, and answers interactions.
 */
import { describe, expect, it } from "vitest";
import {
  BOT_INTENTS,
  createDiscordAdapter,
  restOptions,
  shardOptions,
} from "../../../src/platforms/discord/adapter.js";
import { captureLog, StandInDiscord, shippedCore } from "../../support/index.js";

describe("the Discord client's options", () => {
  it("ask for no gateway intent: interactions carry all the bot uses", () => {
    expect(BOT_INTENTS).toEqual([]);
  });

  it("run every recommended shard by default, or the given ids out of a count", () => {
    expect(shardOptions()).toEqual({ shards: "auto" });
    expect(shardOptions({ ids: [2, 3], count: 4 })).toEqual({ shards: [2, 3], shardCount: 4 });
  });

  it("send REST requests to the given API root, at the given rate, else discord.js's defaults", () => {
    const { makeRequest, ...defaults } = restOptions({});
    expect(defaults).toEqual({});
    const { makeRequest: other, ...given } = restOptions({
      apiUrl: "http://127.0.0.1:1/api",
      globalRequestsPerSecond: 20,
    });
    expect(given).toEqual({ api: "http://127.0.0.1:1/api", globalRequestsPerSecond: 20 });
    // Each sending through an agent of its own (test/platforms/discord/rest-agent.test.ts).
    expect(makeRequest).toBeTypeOf("function");
    expect(other).toBeTypeOf("function");
    expect(other).not.toBe(makeRequest);
  });
});

describe("the Discord adapter", () => {
  it("connects nothing until started, is connected once ready, and stops once however often asked", async () => {
    const discord = await StandInDiscord.start();
    const { core, data } = await shippedCore();
    const { log, lines, text } = captureLog();
    const adapter = createDiscordAdapter({
      core,
      token: "a-token.secret",
      appId: discord.appId,
      apiUrl: discord.apiUrl,
      log,
    });
    try {
      expect(adapter.connected()).toBe(false);
      await adapter.start();
      expect(adapter.connected()).toBe(true);
      expect(lines().find((l) => l.msg === "discord bot ready")).toMatchObject({ appId: discord.appId });
      await adapter.stop();
      await adapter.stop();
      expect(adapter.connected()).toBe(false);
      expect(lines().filter((l) => l.msg === "discord bot stopped")).toHaveLength(1);
      expect(text()).not.toContain("a-token.secret");
    } finally {
      await adapter.stop();
      await discord.stop();
      data.close();
    }
  });

  it("answers a slash command sent through the gateway", async () => {
    const discord = await StandInDiscord.start();
    const { core, data } = await shippedCore();
    const adapter = createDiscordAdapter({
      core,
      token: "t",
      appId: discord.appId,
      apiUrl: discord.apiUrl,
      log: captureLog().log,
    });
    try {
      await adapter.start();
      const answer = await discord.command("phase");
      expect(JSON.stringify(answer)).toMatch(/[Pp]hase/);
    } finally {
      await adapter.stop();
      await discord.stop();
      data.close();
    }
  });
});
