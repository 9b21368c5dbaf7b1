/**
 * `register` (Discord) and `manifest` (Slack): the platforms' view of the same command definitions.
 * The composition root (./main.ts) gives each what it needs of its platform and the command list.
 */
import type { Io } from "./io.js";

/** What `register` needs of Discord: the credentials set, and how to publish the commands there. */
export interface DiscordRegistration {
  token: string | undefined;
  appId: string | undefined;
  /** Overwrites the application's (or one server's) commands with the bot's; what Discord registered. */
  register(options: {
    token: string;
    appId: string;
    guildId?: string;
  }): Promise<{ registered: readonly unknown[] }>;
}

export async function registerCommand(
  discord: DiscordRegistration,
  guildId: string | undefined,
  io: Io,
): Promise<number> {
  const { token, appId } = discord;
  if (!token || !appId) {
    io.err("register needs DISCORD_TOKEN and DISCORD_APP_ID in the environment.");
    return 2;
  }
  try {
    const result = await discord.register({ token, appId, ...(guildId ? { guildId } : {}) });
    const count = result.registered.length;
    io.out(`Registered ${count} commands ${guildId ? `in guild ${guildId}` : "globally"}.`);
    return 0;
  } catch (err) {
    io.err(`register failed: ${(err as Error).message}`);
    return 1;
  }
}

/** Slack's app manifest for HTTP mode (with the public URL) or Socket Mode (without). */
export type SlackManifestBuilder = (options: { url?: string; socketMode: boolean }) => Promise<unknown>;

export async function manifestCommand(
  url: string | undefined,
  io: Io,
  buildManifest: SlackManifestBuilder,
): Promise<number> {
  if (url !== undefined && !/^https:\/\/[^\s/]+/.test(url)) {
    io.err(`--url must be the app's public https:// base URL (got "${url}")`);
    return 2;
  }
  const manifest = await buildManifest({
    ...(url ? { url: url.replace(/\/+$/, "") } : {}),
    socketMode: url === undefined,
  });
  io.out(JSON.stringify(manifest, null, 2));
  return 0;
}
