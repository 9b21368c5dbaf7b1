/**
 * The chat platforms the bot runs on: the one list that start, `ask --render`, the configuration and
 * the metrics loop over. A new platform is a folder beside these and one entry here (README, "Adding a
 * platform"). The console is one of them: it runs when no other is enabled.
 *
 * This file is the platforms' one door: outside src/platforms/ only the composition root
 * (src/cli/main.ts) reaches into a platform's folder. What else the rest of the bot may use of them
 * is re-exported here: each client's rendering, which the desk's previews draw.
 */
import { consolePlatform } from "./console/platform.js";
import { discord } from "./discord/platform.js";
import type { Platform } from "./platform.js";
import { slack } from "./slack/platform.js";

export { renderText } from "./console/text.js";
export { type DiscordMessage, renderDiscord } from "./discord/embeds.js";
export { renderSlack, type SlackMessage } from "./slack/blocks.js";

/** The console first: `ask --render` lists its `text` first. */
export const platforms: readonly Platform[] = [consolePlatform, discord, slack];
