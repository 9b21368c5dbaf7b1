/**
 * Discord as one entry of the platform list: enabled by its token and application id, its token
 * secret, a Reply rendered as an embed.
 */
import { describe, expect, it } from "vitest";
import { renderDiscord } from "../../../src/platforms/discord/embeds.js";
import { discord } from "../../../src/platforms/discord/platform.js";

const configure = (env: Record<string, string>) => {
  const section = discord.configure(env);
  if (!("configured" in section)) throw new Error(section.problems.join("; "));
  return section.configured;
};

describe("the Discord platform", () => {
  it("is named discord, renders as `discord`, and reads Discord's variables", () => {
    expect(discord).toMatchObject({ name: "discord", title: "Discord", renderTarget: "discord" });
    expect(discord.variables).toEqual(
      expect.arrayContaining(["DISCORD_TOKEN", "DISCORD_APP_ID", "DISCORD_SHARDS"]),
    );
  });

  it("runs when its token and application id are set, and not otherwise", () => {
    expect(configure({}).enabled).toBe(false);
    expect(configure({ DISCORD_TOKEN: "t", DISCORD_APP_ID: "1" }).enabled).toBe(true);
  });

  it("reports a token without an application id", () => {
    expect(discord.configure({ DISCORD_TOKEN: "t" })).toEqual({
      problems: ["DISCORD_APP_ID: is required when DISCORD_TOKEN is set"],
    });
  });

  it("opens no port of its own, and keeps its token out of what it shows", () => {
    const c = configure({ DISCORD_TOKEN: "secret-token", DISCORD_APP_ID: "1" });
    expect(c.httpPort).toBeUndefined();
    expect(c.redacted).toMatchObject({ DISCORD_TOKEN: "[redacted]", DISCORD_APP_ID: "1" });
    expect(c.secretValues).toEqual(["secret-token"]);
  });

  it("renders a reply as Discord's message payload", () => {
    const reply = { kind: "answer" as const, title: "Phase", ephemeral: false };
    expect(discord.render(reply)).toEqual(renderDiscord(reply));
  });
});
