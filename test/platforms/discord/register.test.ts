import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { discordCommands } from "../../../src/platforms/discord/application-commands.js";
import { registerCommands } from "../../../src/platforms/discord/register.js";
import { StandInDiscord } from "../../support/index.js";

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
