import { ApplicationCommandOptionType, ApplicationCommandType, Locale } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../../commands/index.js";
import { defineCommand } from "../../../src/command-engine/definition.js";
import {
  DISCORD_LOCALES,
  discordCommand,
  discordCommands,
} from "../../../src/platforms/discord/application-commands.js";
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
    expect(show?.choices?.map(({ name, value }) => ({ name, value }))).toEqual([
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

describe("discord application commands in French, the one of our languages Discord has a locale for", () => {
  const all = discordCommands(commands);
  const byName = new Map(all.map((c) => [c.name, c]));

  it("localizes for fr only: Discord's locales have neither Arabic nor Hebrew", () => {
    expect(DISCORD_LOCALES.map((l) => l.locale)).toEqual(["fr"]);
    expect(Object.values(Locale)).not.toContain("ar");
    expect(Object.values(Locale)).not.toContain("he");
  });

  it("describes every command and option in French, and names every choice, within Discord's limits", () => {
    for (const c of all) {
      const fr = c.description_localizations?.fr ?? "";
      expect({ command: c.name, fr: fr.length > 0 && fr !== c.description }).toEqual({
        command: c.name,
        fr: true,
      });
      expect(fr.length).toBeLessThanOrEqual(DISCORD_LIMITS.commandDescription);
      for (const o of c.options) {
        const text = o.description_localizations?.fr ?? "";
        expect({ option: `${c.name} ${o.name}`, fr: text.length > 0 && text !== o.description }).toEqual({
          option: `${c.name} ${o.name}`,
          fr: true,
        });
        expect(text.length).toBeLessThanOrEqual(DISCORD_LIMITS.commandDescription);
        for (const choice of o.choices ?? []) {
          const name = choice.name_localizations?.fr ?? "";
          expect(name.length).toBeGreaterThan(0);
          expect(name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
        }
      }
    }
  });

  it("keeps command and option names the same in every locale: people type them", () => {
    for (const c of all) {
      expect(c).not.toHaveProperty("name_localizations");
      for (const o of c.options) expect(o).not.toHaveProperty("name_localizations");
    }
  });

  it("says /deadlines show: in French, choices named in French, values as typed", () => {
    const deadlines = byName.get("deadlines");
    expect(deadlines?.description_localizations?.fr).toBe(
      "Les échéances à venir et passées de l'accord, avec leur statut",
    );
    const show = deadlines?.options.find((o) => o.name === "show");
    expect(show?.choices).toEqual([
      { name: "upcoming", name_localizations: { fr: "à venir" }, value: "upcoming" },
      { name: "past", name_localizations: { fr: "passées" }, value: "past" },
      { name: "all", name_localizations: { fr: "toutes" }, value: "all" },
    ]);
  });

  it("adds the date format to a French date option's description too", () => {
    const from = byName.get("timeline")?.options.find((o) => o.name === "from");
    expect(from?.description_localizations?.fr).toBe("Première date affichée, comme 2025-01-01 (YYYY-MM-DD)");
  });
});
