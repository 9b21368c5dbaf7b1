/**
 * The chat platforms the bot runs on: the one list that start, `ask --render`, the configuration and
 * the metrics loop over. A new platform is a folder beside these and one entry here (README, "Adding a
 * platform"). The console bot is not in the list: it is what runs when no platform is enabled.
 */
import { discord } from "./discord/platform.js";
import type { Platform } from "./platform.js";
import { slack } from "./slack/platform.js";

export const platforms: readonly Platform[] = [discord, slack];
