/**
 * Discord application commands (slash commands) built from the same definitions every platform
 * uses, so an option added to a command shows up in Discord's picker with no Discord-specific code.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import type { CommandInfo } from "../../command-engine/definition.js";
import { type OptionSpec, platformOptionSpecs } from "../../command-engine/options.js";
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

export interface DiscordCommandOption {
  type: (typeof OPTION_TYPE)[keyof typeof OPTION_TYPE];
  name: string;
  description: string;
  required: boolean;
  choices?: { name: string; value: string | number }[];
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

/** One option: `date` is a string option of exactly 10 characters whose description says the format. */
export function discordOption(spec: OptionSpec): DiscordCommandOption {
  const type = spec.type === "date" ? OPTION_TYPE.string : OPTION_TYPE[spec.type];
  const hint = spec.type === "date" && !spec.description.includes("YYYY-MM-DD") ? DATE_HINT : "";
  const option: DiscordCommandOption = {
    type,
    name: commandName(spec.name),
    description: description(spec.description, hint),
    required: spec.required,
  };
  if (spec.choices?.length) {
    option.choices = spec.choices.slice(0, DISCORD_LIMITS.optionChoices).map((c) => ({
      name: fitPlain(c, DISCORD_LIMITS.choiceName),
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
  const options = platformOptionSpecs(def).map(discordOption);
  const ordered = [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
  if (ordered.length > DISCORD_LIMITS.commandOptions) {
    throw new Error(
      `/${def.name} has ${ordered.length} options; Discord allows ${DISCORD_LIMITS.commandOptions}`,
    );
  }
  return {
    type: ApplicationCommandType.ChatInput,
    name: commandName(def.name),
    description: description(def.description),
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
