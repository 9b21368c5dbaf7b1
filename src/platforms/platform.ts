/**
 * What a chat platform is to the rest of the bot: one small interface, in the spirit of Bolt's
 * `Receiver` and a chat SDK's `Adapter`. Each platform lives in one folder of src/platforms/ and is
 * one entry of the list in src/platforms/index.ts, the console included; the CLI (start, `ask
 * --render`, the configuration, the metrics) loops over that list and names no platform. See
 * docs/decisions/0016-one-seam-per-platform.md and docs/decisions/0018-one-door-per-platform.md.
 *
 * A platform says:
 * - its name (stored with every subscription and delivery, a metrics label) and its title for people;
 * - its section of the configuration: the environment variables it reads, validated with zod, which of
 *   them are secrets, and whether they enable it;
 * - how to start it on the core: it answers commands in its channels and gives the scheduler a Sender
 *   for reminders and notices; and how to stop it;
 * - how a Reply becomes its payload (for `ask --render` and previews).
 * It never imports the commands (commands/): they reach it through the core it is started on.
 */
import type { Logger } from "pino";
import type { z } from "zod";
import type { BotCore } from "../bot/core.js";
import type { InFlight } from "../bot/in-flight.js";
import type { ScheduledEvents } from "../calendar-events/port.js";
import { readVariables } from "../config.js";
import type { Sender } from "../delivery/sender.js";
import type { Route } from "../monitoring/health.js";
import type { Metrics } from "../monitoring/metrics.js";
import type { Reply } from "../reply/reply.js";
import type { WindowStore } from "../store/windows-sql.js";

/** What a platform is started with. */
export interface PlatformContext {
  core: BotCore;
  /** The bot's logger, already bound to `{ platform: <name> }`. */
  log: Logger;
  metrics: Metrics;
  /** The answers under way, shared by every platform, for a clean stop. */
  inFlight: InFlight;
  /** Turns in time windows shared with the bot's other processes (the store), e.g. Discord's identify buckets. */
  windows?: WindowStore;
  /**
   * Routes to serve on the platform's own HTTP server as well (the health and metrics routes, when
   * HEALTH_PORT is that server's port). Given only to a platform whose `httpPort` says it has one.
   */
  routes?: Record<string, Route>;
  /**
   * The process's terminal, for a platform that runs on it (the console): standard input and output
   * unless a test gives streams of its own.
   */
  terminal: Terminal;
}

/** Where a platform that runs on the terminal reads and writes. */
export interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** A started platform. */
export interface RunningPlatform {
  /** Posts reminders and notices to its channels. */
  sender: Sender;
  /** Its workspaces' scheduled events, when it has them (Discord servers). */
  events?: ScheduledEvents;
  /**
   * Whether it is connected right now (/readyz). A platform with no connection of its own (the
   * console) has none, and is no check of /readyz.
   */
  connected?(): boolean;
  /** Resolves when the platform ends the run itself (the console, at the end of its input). */
  closed?: Promise<void>;
  /** Closes its connections and servers. */
  stop(): Promise<void>;
}

/** A platform with its section of the configuration read. */
export interface ConfiguredPlatform {
  readonly name: string;
  readonly title: string;
  /** Whether its variables ask for it to run (a token is set). */
  readonly enabled: boolean;
  /** Whether it runs when no platform of the list is enabled (the console). */
  readonly fallback: boolean;
  /** Whether it owns the terminal's standard output (the console): the logs then go to stderr. */
  readonly ownsTerminal: boolean;
  /** The port of the HTTP server it runs itself, if any (the health routes may share it). */
  readonly httpPort?: number;
  /** How it is reached, for the line that says it is unreachable: "DISCORD_PROXY_URL", "Slack's API". */
  readonly reachedThrough: string;
  /** Its settings as the "starting" log line shows them, secrets replaced. */
  readonly redacted: Record<string, unknown>;
  /** Its secret values, for the logger to scrub wherever they appear. */
  readonly secretValues: readonly string[];
  start(context: PlatformContext): Promise<RunningPlatform>;
}

/** The result of reading a platform's section of the environment. */
export type PlatformSection = { problems: string[] } | { configured: ConfiguredPlatform };

export interface Platform {
  /** Lower-case and stable: stored with subscriptions and deliveries, a metrics label. */
  readonly name: string;
  /** As people read it: "Discord". */
  readonly title: string;
  /** The environment variables it reads, as its configuration table lists them. */
  readonly variables: readonly string[];
  /** Which of them hold secrets (never logged, never printed). */
  readonly secrets: readonly string[];
  /** Validates its variables in `env`: every problem as "VARIABLE: message", or the platform configured. */
  configure(env: Readonly<Record<string, string | undefined>>): PlatformSection;
  /** What `ask --render` calls its rendering: its name, or "text" for the console's plain text. */
  readonly renderTarget: string;
  /** A Reply as the payload the platform's API receives (the console's: the text it prints). */
  render(reply: Reply): unknown;
}

/** How a platform is written: typed by its own settings, which only its own functions see. */
export interface PlatformDefinition<Settings extends Record<string, unknown>> {
  name: string;
  title: string;
  /** Its variables, each validated (unset variables take their defaults). */
  settings: z.ZodType<Settings> & { shape: Record<string, unknown> };
  secrets: readonly (keyof Settings & string)[];
  /** What is wrong with the variables together, each "VARIABLE: message" (each one alone is valid). */
  problems?(settings: Settings): string[];
  enabled(settings: Settings): boolean;
  /** Runs when no platform of the list is enabled (the console); default false. */
  fallback?: boolean;
  /** Owns the terminal's standard output (the console); default false. */
  ownsTerminal?: boolean;
  /** What `ask --render` calls its rendering (default: its name). */
  renderTarget?: string;
  httpPort?(settings: Settings): number | undefined;
  /** How it is reached (the variable that says where, or "Discord's API"); default: its title. */
  reachedThrough?(settings: Settings): string;
  start(settings: Settings, context: PlatformContext): Promise<RunningPlatform>;
  render(reply: Reply): unknown;
}

/** Platform names: lower-case letters, digits and dashes, as stored (the store checks the same). */
export const PLATFORM_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** A platform from its definition; its settings stay typed inside, the list sees one shape. */
export function definePlatform<Settings extends Record<string, unknown>>(
  definition: PlatformDefinition<Settings>,
): Platform {
  const { name, title, settings: schema, secrets } = definition;
  if (!PLATFORM_NAME.test(name)) throw new Error(`platform name "${name}" must match ${PLATFORM_NAME}`);
  return {
    name,
    title,
    variables: Object.keys(schema.shape),
    secrets,
    renderTarget: definition.renderTarget ?? name,
    render: (reply) => definition.render(reply),
    configure(env) {
      const read = readVariables(schema, env, secrets);
      if ("problems" in read) return read;
      const settings = read.values;
      const problems = definition.problems?.(settings) ?? [];
      if (problems.length > 0) return { problems };
      const redacted: Record<string, unknown> = { ...settings };
      const secretValues: string[] = [];
      for (const key of secrets) {
        const value = settings[key];
        if (typeof value === "string" && value !== "") {
          redacted[key] = "[redacted]";
          secretValues.push(value);
        }
      }
      const httpPort = definition.httpPort?.(settings);
      return {
        configured: {
          name,
          title,
          enabled: definition.enabled(settings),
          fallback: definition.fallback ?? false,
          ownsTerminal: definition.ownsTerminal ?? false,
          ...(httpPort !== undefined ? { httpPort } : {}),
          reachedThrough: definition.reachedThrough?.(settings) ?? title,
          redacted,
          secretValues,
          start: (context) => definition.start(settings, context),
        },
      };
    },
  };
}
