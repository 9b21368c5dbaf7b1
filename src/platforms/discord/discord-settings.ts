/**
 * Discord's section of the configuration: the bot's token and application id, where its REST
 * requests go, its shards and the global rate limit the processes of a deployment share.
 */
import { z } from "zod";
import { configValues, readSection } from "../../config.js";

const { optionalText, int, port, url, optionalInt } = configValues;

/** The most shards a process may name (Discord's largest bots run a few thousand). */
export const MAX_SHARD_ID = 65_535;

/**
 * The shard ids a list like `0,2`, a range like `0-3` or both (`0-3,8`) names, ascending and without
 * repeats; undefined when the text is none of those or a range goes downwards.
 */
export function parseShardIds(text: string): number[] | undefined {
  if (!/^\d{1,5}(-\d{1,5})?(,\d{1,5}(-\d{1,5})?)*$/.test(text)) return undefined;
  const ids = new Set<number>();
  for (const part of text.split(",")) {
    const [from, to = from] = part.split("-").map(Number);
    if (from === undefined || to === undefined || to < from || to > MAX_SHARD_ID) return undefined;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** DISCORD_SHARDS: `auto` (the default: every shard Discord recommends, in this process) or shard ids. */
const shards = z
  .string()
  .optional()
  .transform((v, ctx): "auto" | number[] => {
    const text = (v ?? "").replace(/\s+/g, "");
    if (text === "" || text === "auto") return "auto";
    const ids = parseShardIds(text);
    if (ids) return ids;
    ctx.issues.push({
      code: "custom",
      input: v,
      message: `must be "auto", a list like 0,2, a range like 0-3 (upwards, ids up to ${MAX_SHARD_ID}) or both, like 0-3,8`,
    });
    return z.NEVER;
  });

/** DISCORD_PROXY_URL: the proxy's API root, which its routes hang from (`…/api`). */
const proxyUrl = url.refine(
  (v) => v === undefined || !URL.canParse(v) || new URL(v).pathname.replace(/\/+$/, "") === "/api",
  "must be the proxy's API root, ending in /api, like http://10.0.0.5:8080/api",
);

export const discordSettings = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText,
  DISCORD_API_URL: url,
  DISCORD_SHARDS: shards,
  DISCORD_SHARD_COUNT: optionalInt(1, MAX_SHARD_ID + 1),
  /** Where the bot's Discord REST requests go when several processes share one rate limit. */
  DISCORD_PROXY_URL: proxyUrl,
  /** Discord's global limit for this bot: kept by the proxy when there is one, else by each process. */
  DISCORD_GLOBAL_REQUESTS_PER_SECOND: int(50, 1, 100_000),
  /** Where `ceasefire-bot discord-proxy` listens. */
  DISCORD_PROXY_HOST: z.string().trim().min(1).default("127.0.0.1"),
  DISCORD_PROXY_PORT: port.default(8080),
});

export type DiscordSettings = z.output<typeof discordSettings>;

export const DISCORD_SECRETS = ["DISCORD_TOKEN"] as const;

/** What is wrong with Discord's variables together (each one alone is valid). */
export function discordProblems(settings: DiscordSettings): string[] {
  const problems: string[] = [];
  if (settings.DISCORD_TOKEN && !settings.DISCORD_APP_ID)
    problems.push("DISCORD_APP_ID: is required when DISCORD_TOKEN is set");
  const ids = settings.DISCORD_SHARDS;
  const count = settings.DISCORD_SHARD_COUNT;
  if (ids === "auto") {
    if (count !== undefined)
      problems.push(
        `DISCORD_SHARD_COUNT: goes with shard ids in DISCORD_SHARDS (with "auto" Discord recommends the count); for all ${count} shards in this process set DISCORD_SHARDS=0-${count - 1}`,
      );
  } else if (count === undefined) {
    problems.push(
      "DISCORD_SHARD_COUNT: is required when DISCORD_SHARDS names shards (all processes together)",
    );
  } else {
    const beyond = ids.filter((id) => id >= count);
    if (beyond.length)
      problems.push(
        `DISCORD_SHARDS: shard ids go from 0 to DISCORD_SHARD_COUNT - 1 (${count - 1}); got ${beyond.join(", ")}`,
      );
  }
  return problems;
}

/**
 * Discord's settings from the environment, for the commands that only talk to Discord (`register`,
 * `discord-proxy`); a bad value throws a ConfigError naming every bad variable.
 */
export function readDiscordSettings(env: Readonly<Record<string, string | undefined>>): DiscordSettings {
  return readSection(discordSettings, env, DISCORD_SECRETS, discordProblems);
}

/**
 * The gateway shards this process connects: `auto`, or its shard ids out of the count of all
 * processes' shards (the settings were checked to go together).
 */
export function discordShards(settings: DiscordSettings): "auto" | { ids: number[]; count: number } {
  if (settings.DISCORD_SHARDS === "auto" || settings.DISCORD_SHARD_COUNT === undefined) return "auto";
  return { ids: settings.DISCORD_SHARDS, count: settings.DISCORD_SHARD_COUNT };
}

/**
 * Where the bot's Discord REST requests go: the shared proxy when there is one, else DISCORD_API_URL
 * (Discord's own API when that is unset too).
 */
export function discordRestUrl(settings: DiscordSettings): string | undefined {
  return settings.DISCORD_PROXY_URL ?? settings.DISCORD_API_URL;
}
