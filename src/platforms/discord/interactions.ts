/**
 * Every interaction Discord sends the bot: a slash command, an autocomplete or a button press, each
 * handed to its stage (./answers.ts, ./autocomplete.ts, ./buttons.ts); while stopping, told to come
 * back; a failure to answer is logged with why.
 */
import type { Interaction } from "discord.js";
import type { Logger } from "pino";
import { type InFlight, languageWithin, STOPPING } from "../../bot/in-flight.js";
import type { Choice } from "../../command-engine/choices.js";
import type { Invocation, Reader } from "../../command-engine/definition.js";
import { readerLanguage } from "../../language/chain.js";
import type { Language } from "../../language/languages.js";
import { wordsFor } from "../../language/words.js";
import type { Metrics } from "../../monitoring/metrics.js";
import { localizeError } from "../../reply/errors.js";
import type { Reply } from "../../reply/reply.js";
import { discordAnswers, invocationOf, localesOf, readerOf, replyOptions } from "./answers.js";
import { answerAutocomplete } from "./autocomplete.js";
import { answerButton } from "./buttons.js";
import { renderDiscord } from "./embeds.js";
import { DISCORD_ERROR, discordCode, errorFields } from "./errors.js";

/** What the adapter needs of the core (a BotCore fits; answers may be async when slow). */
export interface DiscordCore {
  answerQuestion(name: string, raw: Record<string, unknown>, language?: Language): Reply | Promise<Reply>;
  answerInChannel(name: string, raw: Record<string, unknown>, invocation: Invocation): Promise<Reply>;
  suggest(
    name: string,
    option: string,
    typed: string,
    filled: Record<string, unknown>,
    language?: Language,
  ): readonly Choice[];
  /** The reader's language (their choice, their locale, the server's); English when absent. */
  readerLanguage?(reader: Reader): Promise<Language>;
}

/** What an interaction is, for the logs. */
function kindOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return "command";
  if (interaction.isAutocomplete()) return "autocomplete";
  if (interaction.isButton()) return "button";
  return "other";
}

/** Why answering failed, as the log says it. */
function whyFailed(err: unknown): string {
  const code = discordCode(err);
  if (code === DISCORD_ERROR.unknownInteraction)
    return "interaction expired before the answer reached Discord";
  if (code === DISCORD_ERROR.alreadyAcknowledged) return "interaction was already answered";
  return "answering an interaction failed";
}

/** Answers one interaction; never throws. */
export function interactionHandler(options: {
  core: DiscordCore;
  log: Logger;
  metrics: Metrics;
  inFlight: InFlight;
  deferAfterMs: number;
}): (interaction: Interaction) => Promise<void> {
  const { core, log, inFlight } = options;
  const languageOf = core.readerLanguage?.bind(core);
  const { answer, send } = discordAnswers({ ...options, ...(languageOf ? { languageOf } : {}) });
  return async (interaction) => {
    const started = performance.now();
    const kind = kindOf(interaction);
    try {
      // Stopping: what is under way finishes, what arrives now is told to come back.
      if (!inFlight.accepting) {
        if (interaction.isRepliable()) {
          const language = await languageWithin(
            languageOf?.(readerOf(interaction)),
            readerLanguage(localesOf(interaction)),
          );
          const stopping = localizeError(STOPPING, wordsFor(language));
          await interaction.reply(replyOptions(renderDiscord(stopping)));
        }
        return;
      }
      if (interaction.isChatInputCommand()) {
        const raw: Record<string, unknown> = {};
        for (const option of interaction.options.data) raw[option.name] = option.value;
        await answer(
          interaction,
          () => core.answerInChannel(interaction.commandName, raw, invocationOf(interaction)),
          raw.private === true,
        );
      } else if (interaction.isAutocomplete()) await answerAutocomplete(interaction, core);
      else if (interaction.isButton()) await answerButton(interaction, { core, log, send });
      else return;
      log.debug(
        { kind, id: interaction.id, ms: Math.round(performance.now() - started) },
        "interaction answered",
      );
    } catch (err) {
      log.warn({ kind, id: interaction.id, error: errorFields(err) }, whyFailed(err));
    }
  };
}
