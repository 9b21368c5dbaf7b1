/**
 * Discord's autocomplete answer for the suggestions a command gives (its definition's `suggest`,
 * narrowed by the core to what was typed). Discord takes at most 25 suggestions of at most 100
 * characters each: a longer name is cut (it is only shown), and a longer value is offered as its
 * short key, which the command looks up in the data (a value cut to 100 characters would name
 * nothing the command knows).
 */
import type { AutocompleteInteraction } from "discord.js";
import { type Choice, shortKey } from "../../command-engine/choices.js";
import { readerOf } from "./answers.js";
import type { DiscordCore } from "./interactions.js";
import { DISCORD_LIMITS } from "./limits.js";
import { fitPlain } from "./markdown.js";

export interface Suggestion {
  name: string;
  value: string;
}

/** The first 25 suggestions, each named "value — label" and valued within Discord's limits. */
export function discordChoices(choices: readonly Choice[]): Suggestion[] {
  return choices.slice(0, DISCORD_LIMITS.choices).map((c) => ({
    name: fitPlain(
      c.label && c.label !== c.value ? `${c.value} — ${c.label}` : c.value,
      DISCORD_LIMITS.choiceName,
    ),
    value: c.value.length > DISCORD_LIMITS.choiceValue ? shortKey(c.value) : c.value,
  }));
}

/** The command's own suggestions for the option being typed, fitted to Discord's limits. */
export async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  core: DiscordCore,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const filled: Record<string, unknown> = {};
  for (const option of interaction.options.data) if (!option.focused) filled[option.name] = option.value;
  // Labels in the reader's language (their choice is cached: Discord waits 3 seconds at most).
  const language = await core.readerLanguage?.(readerOf(interaction));
  const choices = core.suggest(
    interaction.commandName,
    focused.name,
    String(focused.value ?? ""),
    filled,
    language,
  );
  await interaction.respond(discordChoices(choices));
}
