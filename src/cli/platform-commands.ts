/** `register` (Discord) and `manifest` (Slack): the platforms' view of the same command definitions. */

import { discordRestUrl, readDiscordSettings } from "../platforms/discord/config.js";
import { readSlackSettings } from "../platforms/slack/config.js";
import type { Io } from "./io.js";

type Env = Readonly<Record<string, string | undefined>>;

export async function registerCommand(env: Env, guildId: string | undefined, io: Io): Promise<number> {
  const settings = readDiscordSettings(env);
  if (!settings.DISCORD_TOKEN || !settings.DISCORD_APP_ID) {
    io.err("register needs DISCORD_TOKEN and DISCORD_APP_ID in the environment.");
    return 2;
  }
  const { registerCommands } = await import("../platforms/discord/register.js");
  const apiUrl = discordRestUrl(settings);
  try {
    const result = await registerCommands({
      token: settings.DISCORD_TOKEN,
      appId: settings.DISCORD_APP_ID,
      ...(guildId ? { guildId } : {}),
      ...(apiUrl ? { apiUrl } : {}),
    });
    const count = result.registered.length;
    io.out(`Registered ${count} commands ${guildId ? `in guild ${guildId}` : "globally"}.`);
    return 0;
  } catch (err) {
    io.err(`register failed: ${(err as Error).message}`);
    return 1;
  }
}

export async function manifestCommand(env: Env, url: string | undefined, io: Io): Promise<number> {
  if (url !== undefined && !/^https:\/\/[^\s/]+/.test(url)) {
    io.err(`--url must be the app's public https:// base URL (got "${url}")`);
    return 2;
  }
  const { buildManifest } = await import("../platforms/slack/manifest.js");
  const manifest = buildManifest({
    ...(url ? { url: url.replace(/\/+$/, "") } : {}),
    umbrella: readSlackSettings(env).SLACK_UMBRELLA_COMMAND,
    socketMode: url === undefined,
  });
  io.out(JSON.stringify(manifest, null, 2));
  return 0;
}
