/**
 * The `ceasefire-bot` command line, and the bot's composition root: the one file that wires the
 * command list (commands/index.ts) and the platform list (src/platforms/index.ts) into the rest, and
 * the one file outside src/platforms/ that reaches into a platform's folder, for the commands that
 * concern one platform alone (register, manifest, discord-proxy). What it calls is given what it
 * needs: the CLI's other files, the core, the desk and the platforms import no command list, and no
 * platform's folder. The boundary test (test/boundary.test.ts) holds it to that; see
 * docs/decisions/0018-one-door-per-platform.md.
 *
 * Its commands and flags are a contract other tools rely on: start, ask, replay, validate, schema,
 * register, manifest, discord-proxy; every one takes --data PATH.
 */

import { parseArgs } from "node:util";
import { commands, registry } from "../../commands/index.js";
import { planAlerts } from "../alerts/plan.js";
import { parseCommandLine } from "../command-engine/parse.js";
import { runCommand } from "../command-engine/run.js";
import { type Config, ConfigError, settingsFrom } from "../config.js";
import { formatDataError, loadDataset } from "../dataset/load.js";
import { storyJsonSchema } from "../dataset/schema.js";
import { isLanguage, LANGUAGES } from "../language/languages.js";
import { wordsFor } from "../language/words.js";
import { discordRestUrl, readDiscordSettings } from "../platforms/discord/discord-settings.js";
import { platforms } from "../platforms/index.js";
import type { Platform } from "../platforms/platform.js";
import { readSlackSettings } from "../platforms/slack/slack-settings.js";
import { errorIn } from "../reply/errors.js";
import type { Reply } from "../reply/reply.js";
import { fixedClock, systemClock } from "../time/clock.js";
import { type BotConfig, loadBotConfig } from "./bot-config.js";
import type { DiscordProxySetup } from "./discord-proxy.js";
import type { Io } from "./io.js";
import type { DiscordRegistration, SlackManifestBuilder } from "./platform-commands.js";
import { renderReply, renderTargets } from "./render-target.js";
import { validateCommand } from "./validate.js";

export const USAGE = `ceasefire-bot: answers questions about a ceasefire agreement from a curated, sourced dataset,
in Discord, Slack or a local console, and posts deadline reminders.

Usage:
  ceasefire-bot start [--clock ISO-INSTANT]      run the bot (console bot when no platform token is set)
  ceasefire-bot ask "<command line>" [--at ISO-INSTANT] [--render ${renderTargets(platforms).join("|")}]
                  [--language ${LANGUAGES.join("|")}]
                                                 print one reply, e.g. ask "/timeline from:2025-01-01"
  ceasefire-bot replay --from ISO --to ISO [--json]
                                                 every reminder due in the window, in time order
  ceasefire-bot validate [PATH] [--sources DIR]  check data/ (or PATH, a file or folder); exit 1 with every error;
                                                 with --sources, also check the data against the source texts in DIR
  ceasefire-bot schema                           print the JSON Schema of a story file
  ceasefire-bot register [--guild ID]            put the slash commands to Discord (global, or one guild)
  ceasefire-bot manifest [--url https://…]       print a Slack app manifest (HTTP mode when --url is given)
  ceasefire-bot desk                             run the curator desk alone (DESK_USERS, DESK_PORT)
  ceasefire-bot desk-password                    read a password on standard input, print its hash for DESK_USERS
  ceasefire-bot discord-proxy                    run the Discord REST proxy that several bot processes share,
                                                 so that together they keep to the bot's one rate limit

Every command takes --data PATH (default: data/, or DATA_PATH from the environment).
Configuration comes from the environment; see README.md.`;

const defaultIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

export class UsageError extends Error {}

function instant(value: string | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  // An instant needs a time and an offset; a bare date would silently mean UTC midnight.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new UsageError(
      `${flag} must be an ISO instant with an offset, like 2025-02-28T09:00:00+02:00 (got "${value}")`,
    );
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new UsageError(`${flag} is not a valid instant: ${value}`);
  return d;
}

async function loadOrReport(path: string, io: Io) {
  const result = await loadDataset(path);
  if (!result.ok) {
    io.err(
      `Data at ${path} is invalid (${result.errors.length} error${result.errors.length === 1 ? "" : "s"}):`,
    );
    for (const e of result.errors) io.err(`  ${formatDataError(e)}`);
    return undefined;
  }
  return result.dataset;
}

/**
 * Runs one command line. `list` is the platform list (src/platforms/index.ts); a test may run the CLI
 * with one more platform of its own.
 */
export async function main(
  argv: string[],
  io: Io = defaultIo,
  env = process.env,
  list: readonly Platform[] = platforms,
): Promise<number> {
  try {
    return await dispatch(argv, io, env, list);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.err(err.message);
      return 2;
    }
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`${err.message}\n\nRun ceasefire-bot --help for usage.`);
      return 2;
    }
    throw err;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** What every command of the line is run with. */
interface Run {
  /** The command's own arguments. */
  args: string[];
  io: Io;
  env: Env;
  bot: BotConfig;
  config: Config;
  list: readonly Platform[];
  /** --data, or DATA_PATH. */
  dataPath(value: string | undefined): string;
}

const COMMON = { data: { type: "string" as const }, help: { type: "boolean" as const, short: "h" } };

async function dispatch(
  argv: string[],
  io: Io,
  env: NodeJS.ProcessEnv,
  list: readonly Platform[],
): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const bot = loadBotConfig(env, list);
  const { config } = bot;
  const run: Run = { args, io, env, bot, config, list, dataPath: (v) => v ?? config.DATA_PATH };
  const commandOf: Record<string, (run: Run) => Promise<number>> = {
    ask,
    replay,
    validate,
    schema,
    start,
    register,
    manifest,
    desk,
    "desk-password": deskPassword,
    "discord-proxy": discordProxy,
  };
  const chosen = Object.hasOwn(commandOf, command) ? commandOf[command] : undefined;
  if (!chosen) {
    io.err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  return chosen(run);
}

async function ask({ args, io, config, list, dataPath }: Run): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...COMMON,
      at: { type: "string" },
      render: { type: "string", default: "text" },
      language: { type: "string", default: "en" },
    },
  });
  if (values.help) return usage(io);
  if (positionals.length !== 1)
    throw new UsageError('ask takes one command line in quotes, like: ask "/captives"');
  if (!isLanguage(values.language))
    throw new UsageError(`--language must be ${LANGUAGES.join(", ")} (got "${values.language}")`);
  const words = wordsFor(values.language);
  const targets = renderTargets(list);
  const target = values.render ?? "text";
  if (!targets.includes(target))
    throw new UsageError(`--render must be ${targets.join(", ")} (got "${values.render}")`);
  const dataset = await loadOrReport(dataPath(values.data), io);
  if (!dataset) return 1;
  const at = instant(values.at, "--at");
  const clock = at ? fixedClock(at) : systemClock;
  const parsed = parseCommandLine(positionals[0] ?? "", words);
  const reply: Reply = parsed.ok
    ? runCommand(registry, parsed.line.name, parsed.line.options, {
        dataset,
        clock,
        settings: settingsFrom(config),
        words,
        commands,
      })
    : errorIn(words, "unreadable-command", { message: parsed.message });
  if (reply.kind === "error") {
    io.err(renderReply(reply, "text", list));
    return 1;
  }
  io.out(renderReply(reply, target, list));
  return 0;
}

async function replay({ args, io, config, dataPath }: Run): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, from: { type: "string" }, to: { type: "string" }, json: { type: "boolean" } },
  });
  if (values.help) return usage(io);
  const from = instant(values.from, "--from");
  const to = instant(values.to, "--to");
  if (!from || !to)
    throw new UsageError("replay needs --from and --to, ISO instants like 2025-02-27T00:00:00Z");
  if (to < from) throw new UsageError("--to is before --from");
  const dataset = await loadOrReport(dataPath(values.data), io);
  if (!dataset) return 1;
  const alerts = planAlerts(dataset, { from, to }, { reminderHour: config.REMINDER_HOUR });
  for (const a of alerts) {
    if (values.json) {
      io.out(
        JSON.stringify({
          at: a.at.toISOString(),
          id: a.id,
          text: a.text,
          story: a.storyId,
          deadline: a.deadlineId,
          lead: a.lead,
        }),
      );
    } else io.out(`${a.at.toISOString()}  ${a.text}  [${a.id}]`);
  }
  if (!values.json && alerts.length === 0) io.err("No alerts due in that window.");
  return 0;
}

async function validate({ args, io, dataPath }: Run): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...COMMON, sources: { type: "string" } },
  });
  if (values.help) return usage(io);
  if (positionals.length > 1) throw new UsageError("validate takes at most one PATH");
  return validateCommand(positionals[0] ?? dataPath(values.data), values.sources, io);
}

async function schema({ args, io }: Run): Promise<number> {
  const { values } = parseArgs({ args, options: COMMON });
  if (values.help) return usage(io);
  io.out(JSON.stringify(storyJsonSchema(), null, 2));
  return 0;
}

/** The bot, on the command list and the configured platforms of the list. */
async function start({ args, io, bot, dataPath }: Run): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, clock: { type: "string" } } });
  if (values.help) return usage(io);
  const { startBot } = await import("./start.js");
  return startBot({
    bot,
    registry,
    dataPath: dataPath(values.data),
    clockStart: instant(values.clock, "--clock"),
    io,
  });
}

async function register({ args, io, env }: Run): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, guild: { type: "string" } } });
  if (values.help) return usage(io);
  const { registerCommand } = await import("./platform-commands.js");
  return registerCommand(discordRegistration(env), values.guild, io);
}

async function manifest({ args, io, env }: Run): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, url: { type: "string" } } });
  if (values.help) return usage(io);
  const { manifestCommand } = await import("./platform-commands.js");
  return manifestCommand(values.url, io, slackManifest(env));
}

async function desk({ args, io, config, dataPath }: Run): Promise<number> {
  const { values } = parseArgs({ args, options: COMMON });
  if (values.help) return usage(io);
  const { deskAlone } = await import("./start.js");
  return deskAlone({ config, dataPath: dataPath(values.data), io });
}

async function deskPassword({ args, io }: Run): Promise<number> {
  const { values } = parseArgs({ args, options: COMMON });
  if (values.help) return usage(io);
  const { passwordCommand } = await import("../desk/run.js");
  return passwordCommand(process.stdin, io.out);
}

async function discordProxy({ args, io, env, config }: Run): Promise<number> {
  const { values } = parseArgs({ args, options: COMMON });
  if (values.help) return usage(io);
  const { discordProxyCommand } = await import("./discord-proxy.js");
  return discordProxyCommand(config, discordProxySetup(env), io);
}

/** Discord's part of `register`: its credentials, and its bulk overwrite of the command list. */
function discordRegistration(env: Env): DiscordRegistration {
  const settings = readDiscordSettings(env);
  const apiUrl = discordRestUrl(settings);
  return {
    token: settings.DISCORD_TOKEN,
    appId: settings.DISCORD_APP_ID,
    // discord.js loads only when the commands are registered.
    async register(options) {
      const { registerCommands } = await import("../platforms/discord/register.js");
      return registerCommands({ ...options, ...(apiUrl ? { apiUrl } : {}), commands });
    },
  };
}

/** Slack's part of `manifest`: its manifest of the command list under the configured umbrella. */
function slackManifest(env: Env): SlackManifestBuilder {
  return async (options) => {
    const { buildManifest } = await import("../platforms/slack/manifest.js");
    return buildManifest({ ...options, umbrella: readSlackSettings(env).SLACK_UMBRELLA_COMMAND, commands });
  };
}

/** Discord's part of `discord-proxy`: where it listens, and the proxy sending on to DISCORD_API_URL. */
function discordProxySetup(env: Env): DiscordProxySetup {
  const discord = readDiscordSettings(env);
  return {
    token: discord.DISCORD_TOKEN,
    host: discord.DISCORD_PROXY_HOST,
    port: discord.DISCORD_PROXY_PORT,
    async start(log) {
      const { startDiscordProxy } = await import("../platforms/discord/proxy.js");
      return startDiscordProxy({
        host: discord.DISCORD_PROXY_HOST,
        port: discord.DISCORD_PROXY_PORT,
        ...(discord.DISCORD_API_URL ? { apiUrl: discord.DISCORD_API_URL } : {}),
        globalRequestsPerSecond: discord.DISCORD_GLOBAL_REQUESTS_PER_SECOND,
        log,
      });
    },
  };
}

function usage(io: Io): number {
  io.out(USAGE);
  return 0;
}
