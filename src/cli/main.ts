/**
 * The `ceasefire-bot` command line. Its commands and flags are a contract other tools rely on:
 * start, ask, replay, validate, schema, register, manifest, discord-proxy; every one takes --data PATH.
 */

import { parseArgs } from "node:util";
import { commands, registry } from "../../commands/index.js";
import { planAlerts } from "../alerts/plan.js";
import { parseCommandLine } from "../command/parse.js";
import { runCommand } from "../command/run.js";
import { ConfigError, settingsFrom } from "../config.js";
import { formatDataError, loadDataset } from "../dataset/load.js";
import { storyJsonSchema } from "../dataset/schema.js";
import { renderText } from "../platforms/console/render.js";
import { platforms } from "../platforms/index.js";
import type { Platform } from "../platforms/platform.js";
import { errorReply } from "../reply/errors.js";
import type { Reply } from "../reply/reply.js";
import { fixedClock, systemClock } from "../time/clock.js";
import { loadBotConfig } from "./config.js";
import type { Io } from "./io.js";
import { renderReply, renderTargets } from "./render.js";
import { validateCommand } from "./validate.js";

export const USAGE = `ceasefire-bot: answers questions about a ceasefire agreement from a curated, sourced dataset,
in Discord, Slack or a local console, and posts deadline reminders.

Usage:
  ceasefire-bot start [--clock ISO-INSTANT]      run the bot (console bot when no platform token is set)
  ceasefire-bot ask "<command line>" [--at ISO-INSTANT] [--render ${renderTargets(platforms).join("|")}]
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

async function dispatch(
  argv: string[],
  io: Io,
  env: NodeJS.ProcessEnv,
  list: readonly Platform[],
): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const common = { data: { type: "string" as const }, help: { type: "boolean" as const, short: "h" } };
  const bot = loadBotConfig(env, list);
  const { config } = bot;
  const dataPath = (v: string | undefined) => v ?? config.DATA_PATH;

  switch (command) {
    case "ask": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { ...common, at: { type: "string" }, render: { type: "string", default: "text" } },
      });
      if (values.help) return usage(io);
      if (positionals.length !== 1)
        throw new UsageError('ask takes one command line in quotes, like: ask "/captives"');
      const targets = renderTargets(list);
      const target = values.render ?? "text";
      if (!targets.includes(target))
        throw new UsageError(`--render must be ${targets.join(", ")} (got "${values.render}")`);
      const dataset = await loadOrReport(dataPath(values.data), io);
      if (!dataset) return 1;
      const at = instant(values.at, "--at");
      const clock = at ? fixedClock(at) : systemClock;
      const parsed = parseCommandLine(positionals[0] ?? "");
      const reply: Reply = parsed.ok
        ? runCommand(registry, parsed.line.name, parsed.line.options, {
            dataset,
            clock,
            settings: settingsFrom(config),
            commands,
          })
        : errorReply("unreadable-command", { message: parsed.message });
      if (reply.kind === "error") {
        io.err(renderText(reply));
        return 1;
      }
      io.out(renderReply(reply, target, list));
      return 0;
    }
    case "replay": {
      const { values } = parseArgs({
        args: rest,
        options: { ...common, from: { type: "string" }, to: { type: "string" }, json: { type: "boolean" } },
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
    case "validate": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { ...common, sources: { type: "string" } },
      });
      if (values.help) return usage(io);
      if (positionals.length > 1) throw new UsageError("validate takes at most one PATH");
      return validateCommand(positionals[0] ?? dataPath(values.data), values.sources, io);
    }
    case "schema": {
      const { values } = parseArgs({ args: rest, options: common });
      if (values.help) return usage(io);
      io.out(JSON.stringify(storyJsonSchema(), null, 2));
      return 0;
    }
    case "start": {
      const { values } = parseArgs({ args: rest, options: { ...common, clock: { type: "string" } } });
      if (values.help) return usage(io);
      const { startBot } = await import("./start.js");
      return startBot({
        bot,
        dataPath: dataPath(values.data),
        clockStart: instant(values.clock, "--clock"),
        io,
      });
    }
    case "register": {
      const { values } = parseArgs({ args: rest, options: { ...common, guild: { type: "string" } } });
      if (values.help) return usage(io);
      const { registerCommand } = await import("./platform-commands.js");
      return registerCommand(env, values.guild, io);
    }
    case "manifest": {
      const { values } = parseArgs({ args: rest, options: { ...common, url: { type: "string" } } });
      if (values.help) return usage(io);
      const { manifestCommand } = await import("./platform-commands.js");
      return manifestCommand(env, values.url, io);
    }
    case "desk": {
      const { values } = parseArgs({ args: rest, options: common });
      if (values.help) return usage(io);
      const { deskAlone } = await import("./start.js");
      return deskAlone({ config, dataPath: dataPath(values.data), io });
    }
    case "desk-password": {
      const { values } = parseArgs({ args: rest, options: common });
      if (values.help) return usage(io);
      const { passwordCommand } = await import("../desk/run.js");
      return passwordCommand(process.stdin, io.out);
    }
    case "discord-proxy": {
      const { values } = parseArgs({ args: rest, options: common });
      if (values.help) return usage(io);
      const { discordProxyCommand } = await import("./discord-proxy.js");
      return discordProxyCommand(config, env, io);
    }
    default:
      io.err(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

function usage(io: Io): number {
  io.out(USAGE);
  return 0;
}
