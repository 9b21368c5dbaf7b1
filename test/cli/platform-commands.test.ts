import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../commands/index.js";
import { discordCommands } from "../../src/platforms/discord/application-commands.js";
import { botEnv, StandInDiscord } from "../support/index.js";

/** Runs the real CLI as a child process (async, so the stand-in in this process can answer it). */
function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ["bin/ceasefire-bot.mjs", ...args], {
      env: botEnv({ LOG_LEVEL: "silent", ...env }),
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    child.stderr.on("data", (d) => {
      err += String(d);
    });
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

let discord: StandInDiscord;
beforeAll(async () => {
  discord = await StandInDiscord.start();
});
afterAll(async () => {
  await discord.stop();
});

describe("ceasefire-bot register", () => {
  it("puts every command to one guild with a bulk overwrite, from the same definitions", async () => {
    const r = await cli(["register", "--guild", "123456789012345678"], {
      DISCORD_TOKEN: "register-token",
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
    });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Registered ${registry.list.length} commands in guild 123456789012345678.`);
    const put = discord.requests.find(
      (q) => q.method === "PUT" && q.path.includes("/guilds/123456789012345678/commands"),
    );
    expect(put?.body).toEqual(discordCommands(registry.list));
  });

  it("says which variables it needs", async () => {
    const r = await cli(["register"], { DISCORD_TOKEN: "", DISCORD_APP_ID: "" });
    expect(r.code).toBe(2);
    expect(r.err).toContain("register needs DISCORD_TOKEN and DISCORD_APP_ID");
  });
});

describe("ceasefire-bot manifest", () => {
  it("prints an HTTP-mode manifest whose commands and interactivity point at the given URL", async () => {
    const r = await cli(["manifest", "--url", "https://bot.example.org/"]);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(r.out);
    const commands = manifest.features.slash_commands.map((c: { command: string }) => c.command);
    expect(commands).toEqual([...registry.list.map((c) => `/${c.name}`), "/ceasefire"]);
    expect(manifest.settings.interactivity.request_url).toBe("https://bot.example.org/slack/events");
    expect(manifest.oauth_config.scopes.bot).toContain("chat:write");
  });

  it("prints a Socket Mode manifest without a URL", async () => {
    const r = await cli(["manifest"]);
    expect(JSON.parse(r.out).settings.socket_mode_enabled).toBe(true);
  });

  it("refuses a URL that is not https", async () => {
    const r = await cli(["manifest", "--url", "http://bot.example.org"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--url must be the app's public https:// base URL");
  });
});
