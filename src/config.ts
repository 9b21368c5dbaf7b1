/**
 * Configuration, read once from the environment and validated with zod. A bad value fails fast with
 * every bad variable named; secrets are marked so they never reach a log.
 */
import { isIP } from "node:net";
import cron from "node-cron";
import { z } from "zod";
import { allowEntryProblem } from "./feeds/addresses.js";
import { LOG_FORMATS } from "./log.js";

/** Value kinds the core's and the platforms' sections share. */
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

/** A comma-separated list, trimmed, without empty entries. */
const list = (text: string) =>
  text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000 };
/** "20s", "500ms", "1m" (a bare number is seconds) in milliseconds, from `min` to `max` ms. */
const duration = (def: string, min: number, max: number) =>
  z
    .string()
    .default(def)
    .transform((v, ctx) => {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(v);
      const ms = m ? Math.round(Number(m[1]) * (DURATION_UNITS[m[2] ?? "s"] ?? 1_000)) : Number.NaN;
      if (!(ms >= min && ms <= max)) {
        ctx.addIssue({
          code: "custom",
          message: `must be a duration like 20s or 500ms, from ${min} ms to ${max / 1000} s`,
        });
        return z.NEVER;
      }
      return ms;
    });

/** A duration like 30m, 1h, 6h or 1d, in milliseconds, between one minute and seven days. */
const INTERVAL_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d{1,5})\s*([mhd])\s*$/.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * (INTERVAL_UNITS[match[2] ?? ""] ?? 0);
  return ms >= 60_000 && ms <= 7 * 86_400_000 ? ms : undefined;
}
const interval = (def: string) =>
  z
    .string()
    .default(def)
    .transform((v, ctx) => {
      const ms = parseDuration(v === "" ? def : v);
      if (ms === undefined) {
        ctx.addIssue({
          code: "custom",
          message: "must be a duration like 30m, 1h or 1d (1 minute to 7 days)",
        });
        return z.NEVER;
      }
      return ms;
    });

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1_000, mb: 1_000_000 };
/** "5MB", "200kB", "5000" (bytes) in bytes, from `min` to `max`. */
const size = (def: string, min: number, max: number) =>
  z
    .string()
    .default(def)
    .transform((v, ctx) => {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb)?\s*$/i.exec(v);
      const bytes = m
        ? Math.round(Number(m[1]) * (SIZE_UNITS[(m[2] ?? "b").toLowerCase()] ?? 1))
        : Number.NaN;
      if (!(bytes >= min && bytes <= max)) {
        ctx.addIssue({
          code: "custom",
          message: `must be a size like 5MB or 200kB, from ${min / 1000} kB to ${max / 1_000_000} MB`,
        });
        return z.NEVER;
      }
      return bytes;
    });

/** The public address of a web page's root: an http(s) URL, without its trailing slash. */
const publicUrl = (what: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const text = v?.trim().replace(/\/+$/, "");
      if (!text) return undefined;
      if (!/^https?:\/\//i.test(text) || !URL.canParse(text)) {
        ctx.addIssue({ code: "custom", message: `must be ${what}` });
        return z.NEVER;
      }
      return text;
    });

export const configValues = { optionalText, int, port, url, optionalInt };

export interface AddressRange {
  address: string;
  prefix: number;
  family: "ipv4" | "ipv6";
}

/** "10.0.0.0/8", "192.0.2.1", "::1", "2001:db8::/32" as a range; undefined when it is none. */
export function parseRange(text: string): AddressRange | undefined {
  const [address = "", prefixText, ...rest] = text.trim().split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return undefined;
  const bits = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return undefined;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/** What commands and alerts read of the configuration (the rest is the composition root's). */
export interface Settings {
  /** Replies say the data may be out of date when its as-of date is older than this. */
  staleAfterDays: number;
  /** Local hour (story time zone) of reminders for date-only deadlines. */
  reminderHour: number;
  /** Timeline entries per page. */
  timelinePageSize: number;
  /** PUBLIC_URL: where readers reach the calendar feeds; undefined: not published. */
  publicUrl?: string | undefined;
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
  /** The first and the longest wait between tries to reach a dependency that is away (src/delivery/reconnect.ts). */
  RECONNECT_INITIAL_MS: int(1_000, 10, 600_000),
  RECONNECT_MAX_MS: int(60_000, 10, 3_600_000),
  DATABASE_URL: optionalText,
  /** How often a story's curators' channel may get a digest of its new leads (windows of this length). */
  DIGEST_INTERVAL: interval("1h"),
  /** The desk's public address, for the digests' "Open in desk" button; unset: no button. */
  DESK_PUBLIC_URL: publicUrl("the desk's public address, like https://desk.example.org"),
  /** Where readers reach the bot's HTTP server (HEALTH_PORT), for /calendar's links; unset: no links. */
  PUBLIC_URL: publicUrl("the address readers reach the bot's HTTP server at, like https://bot.example.org"),
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
  /**
   * Reverse proxies in front of the desk (addresses or CIDR ranges, separated by commas) whose
   * X-Forwarded-For names the client of a log-in; unset: the socket's address is the client's.
   */
  DESK_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const entries = v
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean);
      const bad = entries.filter((e) => !parseRange(e));
      if (bad.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `${bad.map((e) => `"${e}"`).join(", ")} ${bad.length === 1 ? "is" : "are"} not an IP address or CIDR range, like 10.0.0.0/8 or ::1`,
        });
      }
      return entries;
    }),
  /** Poll the news feeds the stories list (`on`, the default: nothing is polled while no story lists one). */
  FEEDS: z
    .enum(["on", "off", ""])
    .default("on")
    .transform((v) => v !== "off"),
  /**
   * Hosts, addresses or CIDR ranges on a private or loopback network that feeds may be fetched from
   * (separated by commas); unset: public addresses only.
   */
  FEEDS_ALLOW_PRIVATE: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const entries = list(v);
      const bad = entries.map(allowEntryProblem).filter((p): p is string => p !== undefined);
      if (bad.length > 0) ctx.addIssue({ code: "custom", message: bad.join("; ") });
      return entries;
    }),
  /** The longest one fetch of a feed may take, redirects and body included. */
  FEEDS_TIMEOUT: duration("20s", 100, 600_000),
  /** The largest feed document read (after decompression). */
  FEEDS_MAX_BYTES: size("5MB", 1_000, 100_000_000),
  FEEDS_MAX_REDIRECTS: int(3, 0, 10),
});

export type Config = z.output<typeof configSchema>;

/** Names of the variables that hold secrets: never logged, never printed. */
export const SECRET_KEYS = ["DATABASE_URL", "DESK_USERS"] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

/**
 * Reads the variables a schema names out of the environment: their values, or every problem as
 * "VARIABLE: message" (with the value given, unless the variable is a secret). Unset variables take
 * their defaults. The core's section and each platform's are read alike.
 */
export function readVariables<Values>(
  schema: z.ZodType<Values> & { shape: Record<string, unknown> },
  env: Readonly<Record<string, string | undefined>>,
  secrets: readonly string[],
): { values: Values } | { problems: string[] } {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) picked[key] = env[key];
  const parsed = schema.safeParse(picked);
  if (parsed.success) return { values: parsed.data };
  return {
    problems: parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? "");
      const shown = secrets.includes(key) || env[key] === undefined ? "" : ` (got "${env[key]}")`;
      return `${key}: ${i.message}${shown}`;
    }),
  };
}

/**
 * A section's values, checked one by one and then together (`problems`); throws a ConfigError naming
 * every problem. For commands that read one platform's section alone (`register`, `discord-proxy`).
 */
export function readSection<Values>(
  schema: z.ZodType<Values> & { shape: Record<string, unknown> },
  env: Readonly<Record<string, string | undefined>>,
  secrets: readonly string[],
  problems: (values: Values) => string[] = () => [],
): Values {
  const read = readVariables(schema, env, secrets);
  const found = "problems" in read ? read.problems : problems(read.values);
  if (found.length > 0 || "problems" in read) throw new ConfigError(found);
  return read.values;
}

/** The core's configuration (each platform reads its own section: src/platforms/). */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  return readSection(configSchema, env, SECRET_KEYS);
}

/** The command settings the configuration sets. */
export function settingsFrom(config: Config): Settings {
  return {
    ...defaultSettings,
    staleAfterDays: config.STALE_AFTER_DAYS,
    reminderHour: config.REMINDER_HOUR,
    timelinePageSize: config.TIMELINE_PAGE_SIZE,
    publicUrl: config.PUBLIC_URL,
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
