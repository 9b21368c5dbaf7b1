/**
 * What the bot answers to a Slack slash command or button, as a platform-neutral Reply: the command
 * text is parsed here (`name:value` options, and the umbrella's subcommand) and run on the core.
 * Kept apart from Bolt so the listeners stay a few lines and this stays testable without HTTP.
 */
import type { Logger } from "pino";
import type { BotCore } from "../../bot/core.js";
import { decodeAction } from "../../command-engine/actions.js";
import type { Invocation } from "../../command-engine/definition.js";
import { parseOptionText, typedText, unsafeTextMessage } from "../../command-engine/parse.js";
import type { Language } from "../../language/languages.js";
import { wordsFor } from "../../language/words.js";
import { errorIn } from "../../reply/errors.js";
import type { Reply } from "../../reply/reply.js";

/** Runs `/name text`: the text holds `name:value` options. */
export async function answerCommand(
  core: BotCore,
  name: string,
  text: string,
  invocation: Invocation,
): Promise<Reply> {
  const parsed = parseOptionText(text);
  if (!parsed.ok) {
    // Told in the reader's language, as the command itself would have answered.
    const words = wordsFor(await core.readerLanguage(invocation));
    const again = parseOptionText(text, words);
    const message = again.ok ? parsed.message : again.message;
    return errorIn(words, "invalid-option", { command: name, message });
  }
  return core.answerInChannel(name, parsed.options, invocation);
}

/**
 * Runs `/umbrella command [options]`, the one command a workspace can install when the short names
 * are taken. No subcommand shows the help; an unknown one says which exist.
 */
export async function answerUmbrella(
  core: BotCore,
  umbrella: string,
  text: string,
  invocation: Invocation,
): Promise<Reply> {
  const match = /^\s*\/?(\S*)\s*([\s\S]*)$/.exec(text);
  const sub = (match?.[1] ?? "").toLowerCase();
  const rest = match?.[2] ?? "";
  if (!sub) return answerCommand(core, "help", rest, invocation);
  if (!core.registry.get(sub)) {
    const words = wordsFor(await core.readerLanguage(invocation));
    const typed = typedText(sub);
    if (!typed.ok) {
      return errorIn(words, "unreadable-command", {
        message: unsafeTextMessage(undefined, typed.found, words),
      });
    }
    return errorIn(words, "unknown-command", {
      command: `/${umbrella} ${typed.shown}`,
      known: core.registry.list.map((c) => `/${umbrella} ${c.name}`),
    });
  }
  return answerCommand(core, sub, rest, invocation);
}

/** Runs the command a button encodes, in `language` (the clicker's); an id the bot did not make gets an error. */
export function answerAction(core: BotCore, actionId: string, language?: Language): Reply {
  const decoded = decodeAction(actionId);
  if (!decoded || !core.registry.get(decoded.command)) {
    return errorIn(wordsFor(language ?? "en"), "stale-button");
  }
  return core.answerQuestion(decoded.command, decoded.options, language);
}

/**
 * A command that throws must still get an answer: Slack shows "failed with the error" otherwise. The
 * answer is told in the reader's language where `language` can still say it (English when that fails too).
 */
export async function safely(
  log: Logger,
  what: string,
  answer: () => Reply | Promise<Reply>,
  language?: () => Promise<Language>,
): Promise<Reply> {
  try {
    return await answer();
  } catch (err) {
    const reader = await (language?.().catch(() => undefined) ?? Promise.resolve(undefined));
    const reply = errorIn(wordsFor(reader ?? "en"), "internal");
    log.error({ err, what, code: reply.code }, "slack answer failed");
    return reply;
  }
}
