/**
 * Configuration, read once from the environment and validated with zod. A bad value fails fast with
 * every bad variable named; secrets are marked so they never reach a log.
 */
import cron from "node-cron";
import { z } from "zod";
import { LOG_FORMATS } from "./log.js";

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);
const port = z.coerce.number().int().min(0).max(65_535);
const url = z
  .url()
  .optional()
  .or(z.literal("").transform(() => undefined));
/** A whole number when given; unset or empty means "not set". */
const optionalInt = (min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : Number(v.trim())))
    .pipe(z.number().int().min(min).max(max).optional());

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

/** What commands and alerts read of the configuration (the rest is the composition root's). */
export interface Settings {
  /** Replies say the data may be out of date when its as-of date is older than this. */
  staleAfterDays: number;
  /** Local hour (story time zone) of reminders for date-only deadlines. */
  reminderHour: number;
  /** Timeline entries per page. */
  timelinePageSize: number;
}

export const defaultSettings: Settings = { staleAfterDays: 7, reminderHour: 9, timelinePageSize: 8 };

export const configSchema = z.object({
  DATA_PATH: z.string().default("data"),
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(LOG_FORMATS).default("json"),
  STALE_AFTER_DAYS: int(7, 0, 36_500),
  REMINDER_HOUR: int(9, 0, 23),
  TIMELINE_PAGE_SIZE: int(8, 1, 20),
  ALERT_GRACE_HOURS: z.coerce.number().min(0).max(720).default(6),
  SCHEDULER_CRON: z
    .string()
    .refine((v) => cron.validate(v), "must be a cron expression, like * * * * * (every minute)")
    .default("* * * * *"),
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
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: url,
  SLACK_UMBRELLA_COMMAND: z
    .string()
    .regex(/^[a-z0-9_-]{1,31}$/, "must be a Slack command name without the slash, like ceasefire")
    .default("ceasefire"),
  SLACK_ADMIN_USERS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  PORT: port.default(3000),
  /** Serves /healthz, /readyz and /metrics; unset: no health server. */
  HEALTH_PORT: z
    .literal("")
    .transform(() => undefined)
    .or(port.optional()),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 0, 600_000),
  /**
   * How long a delivery claim stays its process's without a renewal (renewed every third of it while
   * the process works on the row); after a crash, other processes settle the claim once it has ended.
   */
  CLAIM_LEASE_MS: int(180_000, 1_000, 3_600_000),
  DATABASE_URL: optionalText,
  /** The curator desk's users, `name:scrypt$…` separated by commas (see `ceasefire-bot desk-password`). */
  DESK_USERS: optionalText,
  /** A file of `name:scrypt$…` lines, instead of or beside DESK_USERS. */
  DESK_USERS_FILE: optionalText,
  DESK_PORT: port.default(8080),
  DESK_HOST: z.string().default("127.0.0.1"),
  /** Mark the desk's session cookie Secure: set it when the desk is reached over HTTPS. */
  DESK_SECURE_COOKIES: z
    .enum(["true", "false", ""])
    .default("false")
    .transform((v) => v === "true"),
});

export type Config = z.output<typeof configSchema>;

/** Names of the variables that hold secrets: never logged, never printed. */
export const SECRET_KEYS = [
  "DISCORD_TOKEN",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "DATABASE_URL",
  "DESK_USERS",
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(configSchema.shape)) picked[key] = env[key];
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? "");
        const secret = (SECRET_KEYS as readonly string[]).includes(key);
        return `${key}: ${i.message}${secret ? "" : env[key] !== undefined ? ` (got "${env[key]}")` : ""}`;
      }),
    );
  }
  const config = parsed.data;
  const problems: string[] = [];
  if (config.DISCORD_TOKEN && !config.DISCORD_APP_ID)
    problems.push("DISCORD_APP_ID: is required when DISCORD_TOKEN is set");
  problems.push(...shardProblems(config));
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    problems.push(
      "SLACK_SIGNING_SECRET: is required when SLACK_BOT_TOKEN is set (or SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** What is wrong with DISCORD_SHARDS and DISCORD_SHARD_COUNT together. */
function shardProblems(config: Config): string[] {
  const ids = config.DISCORD_SHARDS;
  const count = config.DISCORD_SHARD_COUNT;
  if (ids === "auto") {
    if (count === undefined) return [];
    return [
      `DISCORD_SHARD_COUNT: goes with shard ids in DISCORD_SHARDS (with "auto" Discord recommends the count); for all ${count} shards in this process set DISCORD_SHARDS=0-${count - 1}`,
    ];
  }
  if (count === undefined)
    return ["DISCORD_SHARD_COUNT: is required when DISCORD_SHARDS names shards (all processes together)"];
  const beyond = ids.filter((id) => id >= count);
  return beyond.length
    ? [
        `DISCORD_SHARDS: shard ids go from 0 to DISCORD_SHARD_COUNT - 1 (${count - 1}); got ${beyond.join(", ")}`,
      ]
    : [];
}

/**
 * The gateway shards this process connects: `auto`, or its shard ids out of the count of all
 * processes' shards (loadConfig has checked that the two go together).
 */
export function discordShards(config: Config): "auto" | { ids: number[]; count: number } {
  if (config.DISCORD_SHARDS === "auto" || config.DISCORD_SHARD_COUNT === undefined) return "auto";
  return { ids: config.DISCORD_SHARDS, count: config.DISCORD_SHARD_COUNT };
}

/**
 * Where the bot's Discord REST requests go: the shared proxy when there is one, else DISCORD_API_URL
 * (Discord's own API when that is unset too).
 */
export function discordRestUrl(config: Config): string | undefined {
  return config.DISCORD_PROXY_URL ?? config.DISCORD_API_URL;
}

/** The command settings the configuration sets. */
export function settingsFrom(config: Config): Settings {
  return {
    ...defaultSettings,
    staleAfterDays: config.STALE_AFTER_DAYS,
    reminderHour: config.REMINDER_HOUR,
    timelinePageSize: config.TIMELINE_PAGE_SIZE,
  };
}

/**
 * The secret values themselves, for the logger to scrub wherever they appear: every secret variable,
 * and the password inside DATABASE_URL on its own (a driver's error may quote it without the URL).
 */
export function secretValues(config: Config): string[] {
  const values = SECRET_KEYS.map((key) => config[key]).filter((v): v is string => v !== undefined);
  if (config.DATABASE_URL && URL.canParse(config.DATABASE_URL)) {
    const password = new URL(config.DATABASE_URL).password;
    if (password) values.push(password, decodeURIComponent(password));
  }
  return values;
}

/** The configuration with every secret replaced, for logs and `--help`. */
export function redactedConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const key of SECRET_KEYS) if (out[key] !== undefined) out[key] = "[redacted]";
  return out;
}
