/**
 * A command's description, its options' descriptions and its choices' names in a language, from the
 * catalog's `describe` area: what Discord's picker shows (with French localizations) and what /help
 * lists. The English of each entry is the command's own description word for word; an entry whose
 * English no longer matches the definition (the description changed, the translation did not) is not
 * used, and the definition's English is shown instead, so a picker never says something stale.
 */
import { CATALOGS, type MessageKey } from "../language/catalogs/index.js";
import type { Words } from "../language/words.js";
import type { CommandInfo } from "./definition.js";
import type { OptionSpec } from "./options.js";

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGS.en, key);
}

/** The first of `keys` the catalog has with exactly `english` as its English, in `words`' language. */
function described(words: Words, keys: readonly string[], english: string): string {
  for (const key of keys) {
    if (isMessageKey(key) && CATALOGS.en[key] === english) return words.t(key);
  }
  return english;
}

/** The catalog key of a command's description. */
export function commandKey(def: Pick<CommandInfo, "name">): string {
  return `describe.${def.name}`;
}

/** The keys an option's description may have: the command's own, then the one shared by every command. */
export function optionKeys(def: Pick<CommandInfo, "name">, option: Pick<OptionSpec, "name">): string[] {
  return [`describe.${def.name}.${option.name}`, `describe.option.${option.name}`];
}

/** The catalog key of a choice's name. */
export function choiceKey(
  def: Pick<CommandInfo, "name">,
  option: Pick<OptionSpec, "name">,
  choice: string,
): string {
  return `describe.${def.name}.${option.name}.${choice}`;
}

/** "What the bot can tell you and how to ask", in the words' language. */
export function commandDescription(def: CommandInfo, words: Words): string {
  return described(words, [commandKey(def)], def.description);
}

/** An option's description, in the words' language. */
export function optionDescription(def: CommandInfo, option: OptionSpec, words: Words): string {
  return described(words, optionKeys(def, option), option.description);
}

/**
 * A choice's name as a picker shows it, in the words' language: the catalog's, else the value itself
 * (the English of most choices is the value, as it is typed).
 */
export function choiceName(def: CommandInfo, option: OptionSpec, choice: string, words: Words): string {
  const key = choiceKey(def, option, choice);
  return isMessageKey(key) ? words.t(key) : choice;
}

/** Whether the catalog describes a command, an option or a choice (for the tests that check all are). */
export function hasDescription(keys: readonly string[], english?: string): boolean {
  return keys.some((key) => isMessageKey(key) && (english === undefined || CATALOGS.en[key] === english));
}
