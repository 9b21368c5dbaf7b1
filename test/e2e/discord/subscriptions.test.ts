import {
  ApplicationCommandOptionType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../../commands/index.js";
import { discordCommands } from "../../../src/platforms/discord/application-commands.js";
import { type DiscordHarness, startDiscordHarness } from "../../support/harness/discord.js";
import { CHANNEL_ID, embedText, GUILD_ID } from "../../support/index.js";

const READER = "1071698660929"; // no Manage Channels
const MANAGER = (BigInt(READER) | PermissionFlagsBits.ManageChannels).toString();
const channel = { platform: "discord" as const, channelId: CHANNEL_ID, workspaceId: GUILD_ID };

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness();
});
afterAll(async () => {
  await h.close();
});

describe("discord subscriptions", () => {
  it("registers /subscribe and /unsubscribe for Manage Channels, in servers only; /subscriptions for all", () => {
    const byName = new Map(discordCommands(registry.list).map((c) => [c.name, c]));
    expect(byName.get("subscribe")).toMatchObject({
      default_member_permissions: String(PermissionFlagsBits.ManageChannels),
      contexts: [InteractionContextType.Guild],
    });
    expect(byName.get("unsubscribe")).toMatchObject({
      default_member_permissions: String(PermissionFlagsBits.ManageChannels),
      contexts: [InteractionContextType.Guild],
    });
    expect(byName.get("subscriptions")?.default_member_permissions).toBeUndefined();
    expect(byName.get("captives")?.default_member_permissions).toBeUndefined();
  });

  it("refuses /subscribe, privately, to a member without Manage Channels (checked again at run time)", async () => {
    h.discord.memberPermissions = READER;
    const body = await h.discord.command("subscribe", [
      { name: "kind", type: ApplicationCommandOptionType.String, value: "reminders" },
    ]);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain("Only people who can manage this channel");
    expect(await h.store.subscription({ ...channel, story: "gaza-2025" })).toBeUndefined();
  });

  it("subscribes the channel for a member with Manage Channels, with their own lead times", async () => {
    h.discord.memberPermissions = MANAGER;
    const body = await h.discord.command("subscribe", [
      { name: "kind", type: ApplicationCommandOptionType.String, value: "reminders" },
      { name: "lead", type: ApplicationCommandOptionType.String, value: "1d,2h" },
    ]);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(await h.store.subscription({ ...channel, story: "gaza-2025" })).toMatchObject({
      kind: "reminders",
      leadTimes: ["1d", "2h"],
      active: true,
    });
  });

  it("shows anyone what the channel gets with /subscriptions, privately", async () => {
    h.discord.memberPermissions = READER;
    const body = await h.discord.command("subscriptions");
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain("deadline reminders");
  });

  it("explains a bad lead time privately", async () => {
    h.discord.memberPermissions = MANAGER;
    const body = await h.discord.command("subscribe", [
      { name: "lead", type: ApplicationCommandOptionType.String, value: "soon" },
    ]);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toMatch(/lead/i);
  });

  it("subscribes to one story or to every story with the story option, and stops one story", async () => {
    h.discord.memberPermissions = MANAGER;
    const all = await h.discord.command("subscribe", [
      { name: "story", type: ApplicationCommandOptionType.String, value: "all" },
    ]);
    expect(embedText(all)).toContain("about every story");
    expect(await h.store.subscription({ ...channel, story: "*" })).toMatchObject({
      kind: "all",
      active: true,
    });
    const unknown = await h.discord.command("subscribe", [
      { name: "story", type: ApplicationCommandOptionType.String, value: "atlantis" },
    ]);
    expect(unknown.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(unknown)).toContain("There is no story `atlantis`");
    const listed = await h.discord.command("subscriptions");
    expect(embedText(listed)).toContain("about every story");
    expect(embedText(listed)).toContain("about Israel-Hamas ceasefire in Gaza (2025)");
    await h.discord.command("unsubscribe", [
      { name: "story", type: ApplicationCommandOptionType.String, value: "all" },
    ]);
    expect((await h.store.subscription({ ...channel, story: "*" }))?.active).toBe(false);
    expect((await h.store.subscription({ ...channel, story: "gaza-2025" }))?.active).toBe(true);
  });

  it("offers the stories and all when completing /subscribe's story option", async () => {
    const { id } = h.discord.autocomplete("subscribe", [
      { name: "story", type: ApplicationCommandOptionType.String, value: "", focused: true },
    ]);
    const body = (await h.discord.callbackFor(id)).body as { data?: { choices?: { value: string }[] } };
    expect(body.data?.choices?.map((c) => c.value)).toEqual([
      "gaza-2025",
      "india-pakistan-2025",
      "lebanon-2024",
      "all",
    ]);
  });

  it("unsubscribes the channel for a manager", async () => {
    h.discord.memberPermissions = MANAGER;
    await h.discord.command("unsubscribe");
    expect((await h.store.subscription({ ...channel, story: "gaza-2025" }))?.active).toBe(false);
  });
});
