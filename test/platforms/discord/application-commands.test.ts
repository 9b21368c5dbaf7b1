import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../../commands/index.js";
import { defineCommand } from "../../../src/command-engine/definition.js";
import { discordCommand, discordCommands } from "../../../src/platforms/discord/application-commands.js";
import { DISCORD_LIMITS } from "../../../src/platforms/discord/limits.js";

describe("discord application commands", () => {
  const all = discordCommands(commands);
  const byName = new Map(all.map((c) => [c.name, c]));

  it("offers every command as a chat-input command, in the registry's order", () => {
    expect(all.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const c of all) expect(c.type).toBe(ApplicationCommandType.ChatInput);
  });

  it("types the options: string 3, integer 4 with min/max, boolean 5", () => {
    const timeline = byName.get("timeline");
    const page = timeline?.options.find((o) => o.name === "page");
    expect(page).toMatchObject({
      type: ApplicationCommandOptionType.Integer,
      min_value: 1,
      max_value: 10_000,
      required: false,
    });
    expect(timeline?.options.find((o) => o.name === "private")).toMatchObject({
      type: ApplicationCommandOptionType.Boolean,
    });
    expect(timeline?.options.find((o) => o.name === "tag")).toMatchObject({
      type: ApplicationCommandOptionType.String,
      autocomplete: true,
    });
  });

  it("makes a date a 10-character string option whose description says YYYY-MM-DD", () => {
    const from = byName.get("timeline")?.options.find((o) => o.name === "from");
    expect(from).toMatchObject({ type: ApplicationCommandOptionType.String, min_length: 10, max_length: 10 });
    expect(from?.description).toContain("YYYY-MM-DD");
  });

  it("offers enumerated values as choices, never together with autocomplete", () => {
    const show = byName.get("deadlines")?.options.find((o) => o.name === "show");
    expect(show?.choices).toEqual([
      { name: "upcoming", value: "upcoming" },
      { name: "past", value: "past" },
      { name: "all", value: "all" },
    ]);
    for (const c of all) for (const o of c.options) expect(Boolean(o.choices && o.autocomplete)).toBe(false);
  });

  it("puts required options first, as Discord requires", () => {
    const def = defineCommand({
      name: "probe",
      description: "Probe",
      options: z.object({
        later: z.string().optional().describe("Optional"),
        first: z.string().describe("Required"),
      }),
      handle: () => ({ kind: "answer", title: "", ephemeral: false }),
    });
    expect(discordCommand(def).options.map((o) => [o.name, o.required])).toEqual([
      ["first", true],
      ["later", false],
      ["private", false],
    ]);
  });

  it("keeps names and descriptions within Discord's limits", () => {
    const def = defineCommand({
      name: "Long_Name-That-Goes-On-And-On-And-On-Forever",
      description: "d".repeat(150),
      options: z.object({ when: z.iso.date().optional().describe("w".repeat(150)) }),
      handle: () => ({ kind: "answer", title: "", ephemeral: false }),
    });
    const command = discordCommand(def);
    expect(command.name).toMatch(/^[a-z0-9_-]{1,32}$/);
    expect(command.description).toHaveLength(DISCORD_LIMITS.commandDescription);
    expect(command.description.endsWith("…")).toBe(true);
    const when = command.options[0];
    expect(when?.description).toHaveLength(DISCORD_LIMITS.commandDescription);
    expect(when?.description.endsWith("(YYYY-MM-DD)")).toBe(true);
    for (const c of all) {
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options) {
        expect(o.name).toMatch(/^[a-z0-9_-]{1,32}$/);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
  });
});
