/**
 * `ceasefire-bot register`: publishes the slash commands with one bulk overwrite, which replaces
 * the whole set (commands removed from the code disappear from Discord) and is idempotent, so it can
 * run on every deploy. The commands are given (by the composition root, src/cli/main.ts): a platform
 * imports no command list.
 */
import { REST, Routes } from "discord.js";
import type { CommandInfo } from "../../command-engine/definition.js";
import { type DiscordCommand, discordCommands } from "./application-commands.js";
import { restRequest } from "./rest-agent.js";

export interface RegisterOptions {
  token: string;
  appId: string;
  /** Registers in one server only: changes show at once (global commands can take a while). */
  guildId?: string;
  /**
   * Discord's API root, the shared proxy's (DISCORD_PROXY_URL) or a stand-in server's
   * (DISCORD_API_URL); default https://discord.com/api.
   */
  apiUrl?: string;
  /** The commands to publish: all of the bot's. */
  commands: readonly CommandInfo[];
}

export interface RegisterResult {
  scope: "global" | "guild";
  /** The commands as sent. */
  sent: DiscordCommand[];
  /** What Discord answered: the registered commands with their ids. */
  registered: { id: string; name: string }[];
}

/** Overwrites the application's (or one server's) commands with the bot's. */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST({
    version: "10",
    makeRequest: restRequest(),
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
  }).setToken(options.token);
  const body = discordCommands(options.commands);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.appId, options.guildId)
    : Routes.applicationCommands(options.appId);
  const answer = (await rest.put(route, { body })) as { id: string; name: string }[];
  return {
    scope: options.guildId ? "guild" : "global",
    sent: body,
    registered: Array.isArray(answer) ? answer.map((c) => ({ id: c.id, name: c.name })) : [],
  };
}
