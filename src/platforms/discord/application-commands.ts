/**
 * Discord application commands (slash commands) built from the same definitions every platform
 * uses, so an option added to a command shows up in Discord's picker with no Discord-specific code.
 *
 * Localized for the Discord locales we write in: descriptions of commands and options
 * (`description_localizations`) and names of choices (`name_localizations`). Command and option
 * NAMES stay the same in every locale, since people type them, /help shows them and Slack and the
 * console take them as they are. Discord's locales (discord-api-types' `Locale`) have French but
 * neither Arabic nor Hebrew: readers of those get their language by `/language` instead, and the
 * picker shows them the English (Discord's default) description.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  Locale,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import type { CommandInfo } from "../../command-engine/definition.js";
import { choiceName, commandDescription, optionDescription } from "../../command-engine/describe.js";
import { type OptionSpec, platformOptionSpecs } from "../../command-engine/options.js";
import type { Language } from "../../language/languages.js";
import { ENGLISH, type Words, wordsFor } from "../../language/words.js";
import { DISCORD_LIMITS } from "./limits.js";
import { fitPlain } from "./markdown.js";

/** The Discord option type of each option type the commands use (a date is a string). */
export const OPTION_TYPE = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  number: ApplicationCommandOptionType.Number,
} as const;

const DATE_HINT = " (YYYY-MM-DD)";

/**
 * The Discord locales the bot has words for, with their language: French only. Discord's locale list
 * has no Arabic and no Hebrew (no `ar`, no `he`), so those two cannot be sent; English is the default.
 */
export const DISCORD_LOCALES: readonly { locale: Locale; language: Language }[] = [
  { locale: Locale.French, language: "fr" },
];

/** A text per Discord locale, as `description_localizations` and `name_localizations` take it. */
export type Localizations = Partial<Record<Locale, string>>;

function localized(text: (words: Words) => string): Localizations {
  const out: Localizations = {};
  for (const { locale, language } of DISCORD_LOCALES) out[locale] = text(wordsFor(language));
  return out;
}

export interface DiscordCommandOption {
  type: (typeof OPTION_TYPE)[keyof typeof OPTION_TYPE];
  name: string;
  description: string;
  description_localizations?: Localizations;
  required: boolean;
  choices?: { name: string; name_localizations?: Localizations; value: string | number }[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  autocomplete?: boolean;
}

/** A chat-input command as the bulk-overwrite endpoint takes it. */
export interface DiscordCommand {
  type: ApplicationCommandType.ChatInput;
  name: string;
  description: string;
  description_localizations?: Localizations;
  options: DiscordCommandOption[];
  /**
   * Permission bits a member needs to see and use the command, as a decimal string; server admins
   * can change it per channel or role in Server Settings → Integrations. The core checks again.
   */
  default_member_permissions?: string;
  /** Where the command can be used (channel commands make no sense in DMs: servers only). */
  contexts?: InteractionContextType[];
}

/** The Manage Channels permission bit, as the decimal string Discord takes. */
export const MANAGE_CHANNELS = PermissionFlagsBits.ManageChannels.toString();

/** Discord names: lowercase letters, digits, `-` and `_`, at most 32 characters. */
function commandName(name: string): string {
  const clean = name.toLowerCase().replace(/[^\p{Ll}\p{Lo}\p{N}_-]/gu, "_");
  if (!clean) throw new Error(`"${name}" cannot be a Discord command or option name`);
  return clean.slice(0, DISCORD_LIMITS.commandName);
}

function description(text: string, suffix = ""): string {
  const body = text.trim() || "—";
  return fitPlain(body, DISCORD_LIMITS.commandDescription - suffix.length) + suffix;
}

/** An option's description with, for a date, the format it is typed in (when it does not say it). */
function optionText(spec: OptionSpec, text: string): string {
  const hint = spec.type === "date" && !text.includes("YYYY-MM-DD") ? DATE_HINT : "";
  return description(text, hint);
}

/**
 * One option: `date` is a string option of exactly 10 characters whose description says the format.
 * Its description and its choices' names are localized for the command it belongs to (`def`).
 */
export function discordOption(spec: OptionSpec, def?: CommandInfo): DiscordCommandOption {
  const type = spec.type === "date" ? OPTION_TYPE.string : OPTION_TYPE[spec.type];
  const describe = (words: Words) =>
    optionText(spec, def ? optionDescription(def, spec, words) : spec.description);
  const option: DiscordCommandOption = {
    type,
    name: commandName(spec.name),
    description: describe(ENGLISH),
    ...(def ? { description_localizations: localized(describe) } : {}),
    required: spec.required,
  };
  if (spec.choices?.length) {
    const named = (c: string) => (words: Words) =>
      fitPlain(def ? choiceName(def, spec, c, words) : c, DISCORD_LIMITS.choiceName);
    option.choices = spec.choices.slice(0, DISCORD_LIMITS.optionChoices).map((c) => ({
      name: named(c)(ENGLISH),
      ...(def ? { name_localizations: localized(named(c)) } : {}),
      value:
        spec.type === "integer" || spec.type === "number"
          ? Number(c)
          : c.slice(0, DISCORD_LIMITS.choiceValue),
    }));
  } else if (spec.autocomplete) {
    // Discord refuses options with both choices and autocomplete.
    option.autocomplete = true;
  }
  if (spec.type === "integer" || spec.type === "number") {
    if (spec.min !== undefined) option.min_value = spec.min;
    if (spec.max !== undefined) option.max_value = spec.max;
  }
  if (spec.type === "date") {
    option.min_length = 10;
    option.max_length = 10;
  }
  return option;
}

/** One command; required options first, as Discord requires. */
export function discordCommand(def: CommandInfo): DiscordCommand {
  const options = platformOptionSpecs(def).map((spec) => discordOption(spec, def));
  const ordered = [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
  if (ordered.length > DISCORD_LIMITS.commandOptions) {
    throw new Error(
      `/${def.name} has ${ordered.length} options; Discord allows ${DISCORD_LIMITS.commandOptions}`,
    );
  }
  return {
    type: ApplicationCommandType.ChatInput,
    name: commandName(def.name),
    description: description(commandDescription(def, ENGLISH)),
    description_localizations: localized((words) => description(commandDescription(def, words))),
    options: ordered,
    ...(def.permission === "manage-channel"
      ? { default_member_permissions: MANAGE_CHANNELS, contexts: [InteractionContextType.Guild] }
      : {}),
  };
}

/** Every command, in the registry's order: the body of the bulk overwrite. */
export function discordCommands(defs: readonly CommandInfo[]): DiscordCommand[] {
  return defs.map(discordCommand);
}
