/** Runs a command by name with raw options: validation, the handler, and errors as ephemeral replies. */

import { isolateBidi } from "../dataset/text-safety.js";
import { errorIn } from "../reply/errors.js";
import type { Reply } from "../reply/reply.js";
import { encodeAction } from "./actions.js";
import { resolveKeys } from "./choices.js";
import type { AnyCommand, AnyOptions, ChannelContext, CommandContext, CommandInfo } from "./definition.js";
import { type ParsedOptions, parseOptions } from "./options.js";

export interface CommandRegistry {
  list: readonly AnyCommand[];
  get(name: string): AnyCommand | undefined;
}

export function createRegistry(list: readonly AnyCommand[]): CommandRegistry {
  const byName = new Map(list.map((c) => [c.name, c]));
  return { list, get: (name) => byName.get(name) };
}

export interface RunLog {
  error(obj: object, msg: string): void;
}

function unknownCommand(registry: CommandRegistry, name: string, context: CommandContext): Reply {
  return errorIn(context.words, "unknown-command", {
    // The name as typed (the console takes any): isolated, so it cannot reorder the message.
    command: `/${isolateBidi(name)}`,
    known: registry.list.map((c) => `/${c.name}`),
  });
}

function failed(def: CommandInfo, err: unknown, log: RunLog | undefined, context: CommandContext): Reply {
  const reply = errorIn(context.words, "internal");
  log?.error({ err, command: def.name, code: reply.code }, "command handler failed");
  return reply;
}

/** A command's options: short keys (from buttons and autocomplete) looked up in the data, then validated. */
function readOptions(
  def: AnyCommand,
  raw: Record<string, unknown>,
  context: CommandContext,
): ParsedOptions<AnyOptions> {
  const resolved = resolveKeys(def, raw, context);
  return resolved.ok ? parseOptions(def, resolved.raw, context.words) : resolved;
}

function finish(reply: Reply, parsed: ParsedOptions<never> & { ok: true }): Reply {
  return parsed.private && !reply.ephemeral ? { ...reply, ephemeral: true } : reply;
}

/** The command that shows the quotes behind another one's answer (`/sources of:`). */
export const WHY_COMMAND = "sources";

/**
 * An answer that states something sourced gets a "Why?" button: it asks `/sources of:` the same
 * question, which answers with the quote behind each statement. Left out when the question's options
 * cannot fit in a button's id.
 */
function withWhy(reply: Reply, name: string, raw: Record<string, unknown>, context: CommandContext): Reply {
  if (reply.kind !== "answer" || !reply.evidence?.length || name === WHY_COMMAND) return reply;
  const asked: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key !== "private" && key !== "story" && value !== undefined) asked[key] = String(value);
  }
  const options: Record<string, string> = { of: name };
  if (Object.keys(asked).length) options.with = new URLSearchParams(asked).toString();
  if (typeof raw.story === "string") options.story = raw.story;
  const button = { label: context.words.t("sources.why"), command: WHY_COMMAND, options };
  try {
    encodeAction(button);
  } catch {
    return reply;
  }
  return { ...reply, buttons: [...(reply.buttons ?? []), button] };
}

/**
 * A reply marked with the language it was written in (English stays unmarked). A reply already
 * marked keeps its mark: /language answers in the language just chosen, not the one it was asked in.
 */
function inLanguage(reply: Reply, context: CommandContext): Reply {
  const { language } = context.words;
  return language === "en" || reply.language !== undefined ? reply : { ...reply, language };
}

/** Runs a question about the dataset (synchronous); a channel command answers that it needs a channel. */
export function runCommand(
  registry: CommandRegistry,
  name: string,
  raw: Record<string, unknown>,
  context: CommandContext,
  log?: RunLog,
): Reply {
  return inLanguage(answerQuestion(registry, name, raw, context, log), context);
}

function answerQuestion(
  registry: CommandRegistry,
  name: string,
  raw: Record<string, unknown>,
  context: CommandContext,
  log?: RunLog,
): Reply {
  const def = registry.get(name);
  if (!def) return unknownCommand(registry, name, context);
  if (def.kind === "channel") return errorIn(context.words, "needs-channel", { command: def.name });
  const parsed = readOptions(def, raw, context);
  if (!parsed.ok)
    return errorIn(context.words, "invalid-option", { command: def.name, message: parsed.message });
  try {
    return withWhy(finish(def.handle(parsed.options, context), parsed as never), def.name, raw, context);
  } catch (err) {
    return failed(def, err, log, context);
  }
}

/**
 * Runs a command about the channel it was typed in: validates its options, checks the permission
 * it asks for (again at run time, whatever the platform showed), then runs its async handler.
 */
export async function runChannelCommand(
  registry: CommandRegistry,
  name: string,
  raw: Record<string, unknown>,
  context: Omit<ChannelContext, "canManage">,
  log?: RunLog,
): Promise<Reply> {
  return inLanguage(await answerInChannel(registry, name, raw, context, log), context);
}

async function answerInChannel(
  registry: CommandRegistry,
  name: string,
  raw: Record<string, unknown>,
  context: Omit<ChannelContext, "canManage">,
  log?: RunLog,
): Promise<Reply> {
  const def = registry.get(name);
  if (!def) return unknownCommand(registry, name, context);
  if (def.kind !== "channel") return runCommand(registry, name, raw, context, log);
  const parsed = readOptions(def, raw, context);
  if (!parsed.ok)
    return errorIn(context.words, "invalid-option", { command: def.name, message: parsed.message });
  try {
    const canManage = def.permission === "manage-channel" ? await context.invocation.canManage() : false;
    if (def.permission === "manage-channel" && !canManage)
      return errorIn(context.words, "not-allowed", { command: def.name });
    const reply = await def.handle(parsed.options, { ...context, canManage });
    return finish(reply, parsed as never);
  } catch (err) {
    return failed(def, err, log, context);
  }
}
