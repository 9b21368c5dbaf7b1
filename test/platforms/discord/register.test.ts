import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { discordCommands } from "../../../src/platforms/discord/application-commands.js";
import { registerCommands } from "../../../src/platforms/discord/register.js";
import { registrationProblems, StandInDiscord } from "../../support/index.js";

let discord: StandInDiscord;
beforeAll(async () => {
  discord = await StandInDiscord.start();
});
afterAll(async () => {
  await discord?.stop();
});

describe("registering the slash commands", () => {
  it("overwrites the global commands with one PUT whose body is the commands JSON", async () => {
    const result = await registerCommands({
      token: "t0ken",
      appId: discord.appId,
      apiUrl: discord.apiUrl,
      commands,
    });
    const puts = discord.requests.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.path).toBe(`/applications/${discord.appId}/commands`);
    expect(puts[0]?.body).toEqual(discordCommands(commands));
    expect(puts[0]?.headers.authorization).toBe("Bot t0ken");
    expect(result.scope).toBe("global");
    expect(result.registered.map((c) => c.name)).toEqual(commands.map((c) => c.name));
  });

  it("is idempotent: running it again sends the same body", async () => {
    await registerCommands({ token: "t0ken", appId: discord.appId, apiUrl: discord.apiUrl, commands });
    const puts = discord.requests.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(2);
    expect(puts[1]?.body).toEqual(puts[0]?.body);
  });

  it("registers in one server with --guild", async () => {
    const result = await registerCommands({
      token: "t0ken",
      appId: discord.appId,
      guildId: "123456789012345678",
      apiUrl: discord.apiUrl,
      commands,
    });
    const last = discord.requests.filter((r) => r.method === "PUT").at(-1);
    expect(last?.path).toBe(`/applications/${discord.appId}/guilds/123456789012345678/commands`);
    expect(result.scope).toBe("guild");
  });
});

describe("registering the commands' French words", () => {
  it("sends French descriptions for every command and option and French names for every choice, as Discord takes them", async () => {
    await registerCommands({ token: "t0ken", appId: discord.appId, apiUrl: discord.apiUrl, commands });
    const registered = discord.commands.registered.get("global") ?? [];
    expect(registered.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    const localized: string[] = [];
    for (const command of registered) {
      expect(Object.keys(command.description_localizations ?? {})).toEqual(["fr"]);
      localized.push(`${command.name}: ${command.description_localizations?.fr}`);
      for (const option of command.options ?? []) {
        expect(Object.keys(option.description_localizations ?? {})).toEqual(["fr"]);
        expect(option.name_localizations).toBeUndefined();
        for (const choice of option.choices ?? []) {
          expect(Object.keys(choice.name_localizations ?? {})).toEqual(["fr"]);
        }
      }
    }
    expect(localized).toContain("help: Ce que le bot peut vous dire et comment le lui demander");
    expect(discord.commands.refused).toEqual([]);
  });

  it("would be refused by Discord with an Arabic or Hebrew locale, which Discord does not have", async () => {
    const body = discordCommands(commands).map((c) => ({
      ...c,
      description_localizations: { ...c.description_localizations, ar: "ما يمكن أن يخبرك به البوت" },
    }));
    expect(registrationProblems(body)[0]).toMatch(/description_localizations\.ar: not a valid locale/);
    const he = [{ name: "help", description: "Help", description_localizations: { he: "עזרה" } }];
    expect(registrationProblems(he)).toEqual(["0.description_localizations.he: not a valid locale"]);
  });

  it("would be refused with a French description over 100 characters, and the real client says so", async () => {
    const body = discordCommands(commands);
    const [first] = body;
    if (!first) throw new Error("no command");
    const tooLong = [{ ...first, description_localizations: { fr: "é".repeat(101) } }];
    expect(registrationProblems(tooLong)).toEqual([
      "0.description_localizations.fr: must be 1 to 100 characters",
    ]);
    const { REST, Routes } = await import("discord.js");
    const rest = new REST({ version: "10", api: discord.apiUrl, retries: 0 }).setToken("t0ken");
    await expect(rest.put(Routes.applicationCommands(discord.appId), { body: tooLong })).rejects.toThrow(
      /Invalid Form Body/,
    );
  });
});
