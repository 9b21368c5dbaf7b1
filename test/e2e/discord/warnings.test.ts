/**
 * The bot starts without library warnings: discord.js warns (UnsupportedCacheOverwriteWarning) when
 * a client limits the caches it does not support limiting, and the bot limits none of those. This
 * file runs in a process of its own, since discord.js warns once per process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordHarness, startDiscordHarness } from "../../support/harness/discord.js";
import { embedText } from "../../support/index.js";

const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
let h: DiscordHarness;

beforeAll(async () => {
  process.on("warning", onWarning);
  h = await startDiscordHarness({ guilds: 3 });
});
afterAll(async () => {
  process.off("warning", onWarning);
  await h?.close();
});

describe("starting the Discord adapter", () => {
  it("emits no process warning, and is in every server READY listed", async () => {
    // Warnings are emitted on the next tick: answer a command so that any would have come.
    const body = await h.discord.command("captives");
    expect(embedText(body)).toContain("63 captives");
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toEqual([]);
    expect(h.adapter.client.guilds.cache.size).toBe(3);
    expect(h.adapter.client.channels.cache.size).toBe(0);
  });

  it("checks the permission of a member in a server it received no channel or role of", async () => {
    h.discord.memberPermissions = "0";
    const refused = await h.discord.command("subscribe");
    expect(embedText(refused)).toContain("Only people who can manage this channel");
  });
});
