/**
 * Answering a slash command within Discord's window: straight away when the answer is ready in time,
 * else deferred ("thinking…") and sent as an edit; a payload Discord rejects becomes a short error.
 */
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  PermissionFlagsBits,
} from "discord.js";
import type { Logger } from "pino";
import { LATE, languageWithin, readyWithin } from "../../bot/in-flight.js";
import type { Invocation, Reader } from "../../command-engine/definition.js";
import { readerLanguage } from "../../language/chain.js";
import type { Language } from "../../language/languages.js";
import { wordsFor } from "../../language/words.js";
import type { Metrics } from "../../monitoring/metrics.js";
import { errorReply, localizeError } from "../../reply/errors.js";
import type { Reply } from "../../reply/reply.js";
import { attachPicture, drawAhead, type WithFiles } from "./attachments.js";
import { channelKindOf } from "./channel-kind.js";
import { type DiscordMessage, EPHEMERAL, renderDiscord } from "./embeds.js";
import { DISCORD_ERROR, discordCode, errorFields } from "./errors.js";

/**
 * Who asked, where. Permissions come from the interaction itself (the member's resolved permissions
 * in that channel), so the check at run time needs no cache and no API call.
 */
export function invocationOf(interaction: ChatInputCommandInteraction): Invocation {
  return {
    platform: "discord",
    channelId: interaction.channelId,
    workspaceId: interaction.guildId ?? "dm",
    userId: interaction.user.id,
    ...localesOf(interaction),
    canManage: async () =>
      interaction.inGuild() &&
      (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false),
    ...(interaction.inGuild() ? { scheduledEvents: { botMayManage: botMayManageEvents(interaction) } } : {}),
    channelKind: () => channelKindOf(interaction.client.rest, interaction.channelId),
  };
}

/**
 * What Discord says of the reader's language: their client's `locale` and, in a server, its
 * `guild_locale` (the core picks the language from these and the reader's own choice).
 */
export function localesOf(interaction: Interaction): Pick<Invocation, "locale" | "guildLocale"> {
  return {
    ...(interaction.locale ? { locale: interaction.locale } : {}),
    ...(interaction.guildLocale ? { guildLocale: interaction.guildLocale } : {}),
  };
}

/** The reader of an interaction, for the core to find their language. */
export function readerOf(interaction: Interaction): Reader {
  return { platform: "discord", userId: interaction.user.id, ...localesOf(interaction) };
}

/** Whether the bot may create and edit its own scheduled events here: Manage Events or Create Events. */
function botMayManageEvents(interaction: ChatInputCommandInteraction): boolean {
  const bot = interaction.appPermissions;
  return Boolean(bot?.has(PermissionFlagsBits.ManageEvents) || bot?.has(PermissionFlagsBits.CreateEvents));
}

/**
 * Already API JSON: wrapped as "JSON encodable" so that discord.js sends it as is instead of
 * converting every key to snake_case again (a deep copy per reply).
 */
function encodable<T>(value: T): { toJSON(): T } {
  return { toJSON: () => value };
}

/** The parts of a message discord.js sends as given. */
function parts(message: DiscordMessage) {
  return { embeds: message.embeds.map(encodable), components: message.components.map(encodable) };
}

/** A message with no files (an error, a notice): what the options functions take alike. */
function withFiles(sent: DiscordMessage | WithFiles): WithFiles {
  return "files" in sent ? sent : { message: sent, files: [] };
}

/** The files of a message, when it has any (a picture): discord.js then sends multipart/form-data. */
function filesOf(files: WithFiles["files"]) {
  return files.length ? { files } : {};
}

/** The reply as discord.js options: discord.js sets allowed_mentions from `allowedMentions`. */
export function replyOptions(sent: DiscordMessage | WithFiles): InteractionReplyOptions {
  const { message, files } = withFiles(sent);
  return {
    ...parts(message),
    ...filesOf(files),
    allowedMentions: { parse: [] },
    ...(message.flags ? { flags: message.flags } : {}),
  } as InteractionReplyOptions;
}

/**
 * A message in place of the one shown, which keeps its visibility (it takes no ephemeral flag) and no
 * earlier attachment (`attachments: []`, a new array each time: discord.js appends the new files'
 * entries to it): a deferred reply's edit, or a new page's update (the old page's picture goes).
 */
function replacement(sent: DiscordMessage | WithFiles) {
  const { message, files } = withFiles(sent);
  return { ...parts(message), ...filesOf(files), attachments: [], allowedMentions: { parse: [] } };
}

/** An edit of a deferred reply: its visibility was set by the deferral. */
function editOptions(sent: DiscordMessage | WithFiles): InteractionEditReplyOptions {
  return replacement(sent) as InteractionEditReplyOptions;
}

/** A new page in place of the old: the old page's picture goes, the new one's comes. */
export function updateOptions(sent: DiscordMessage | WithFiles): InteractionUpdateOptions {
  return replacement(sent) as InteractionUpdateOptions;
}

/** The bot failed: the handler threw, or Discord refused the answer (the cause is logged). */
const FAILED = errorReply("internal");

/** Each reader's language as the core resolves it (their choice first), where a core is at hand. */
export type LanguageOf = (reader: Reader) => Promise<Language>;

/**
 * The failure in the reader's language: their own choice when it is found in a moment, else what
 * Discord says of it (their client's locale, else the server's).
 */
export async function failedFor(interaction: Interaction, languageOf?: LanguageOf): Promise<Reply> {
  const language = await languageWithin(
    languageOf?.(readerOf(interaction)),
    readerLanguage(localesOf(interaction)),
  );
  return localizeError(FAILED, wordsFor(language));
}

/** What producing an answer came to: the Reply, or what the handler threw. */
type Produced = { ok: true; value: Reply } | { ok: false; error: unknown };

export interface DiscordAnswers {
  /** Answers within Discord's window: straight away when the answer is ready in time, else defers. */
  answer(
    interaction: ChatInputCommandInteraction,
    produce: () => Reply | Promise<Reply>,
    wantsPrivate: boolean,
  ): Promise<void>;
  /**
   * Sends, and when that fails for any reason but the interaction being gone (expired, or answered
   * elsewhere): Discord rejecting the payload (a limit we missed), the HTTP client failing before
   * Discord answered, tells the user with a short ephemeral error instead of leaving "The application
   * did not respond". When that fails too, the first failure is passed on.
   */
  send(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    deliver: () => Promise<unknown>,
  ): Promise<void>;
}

export function discordAnswers(options: {
  log: Logger;
  metrics: Metrics;
  deferAfterMs: number;
  /** The reader's language for the failures told here (else what Discord says of it). */
  languageOf?: LanguageOf;
}): DiscordAnswers {
  const { log, metrics, deferAfterMs, languageOf } = options;

  /** The reply to send; an error is logged with its code, so a user's report can be matched. */
  async function producedReply(interaction: ChatInputCommandInteraction, produced: Produced): Promise<Reply> {
    const command = interaction.commandName;
    if (!produced.ok) {
      log.error({ command, code: FAILED.code, error: errorFields(produced.error) }, "command failed");
      return failedFor(interaction, languageOf);
    }
    const reply = produced.value;
    if (reply.kind === "error") log.info({ command, code: reply.code }, "command answered with an error");
    return reply;
  }

  async function send(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    deliver: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await deliver();
    } catch (err) {
      const code = discordCode(err);
      // Expired, or answered elsewhere: no one is left to tell.
      if (code === DISCORD_ERROR.unknownInteraction || code === DISCORD_ERROR.alreadyAcknowledged) throw err;
      const why =
        code === DISCORD_ERROR.invalidFormBody ? "Discord rejected a reply" : "sending a reply failed";
      log.error({ code: FAILED.code, error: errorFields(err) }, why);
      const failed = await failedFor(interaction, languageOf);
      try {
        if (interaction.deferred) await interaction.editReply(editOptions(renderDiscord(failed)));
        else if (!interaction.replied) await interaction.reply(replyOptions(renderDiscord(failed)));
      } catch {
        throw err;
      }
    }
  }

  async function answer(
    interaction: ChatInputCommandInteraction,
    produce: () => Reply | Promise<Reply>,
    wantsPrivate: boolean,
  ): Promise<void> {
    const pending: Promise<Produced> = Promise.resolve()
      .then(produce)
      .then(drawAhead)
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    const first = await readyWithin(pending, deferAfterMs);
    if (first !== LATE) {
      const reply = await producedReply(interaction, first);
      const sent = attachPicture(reply, renderDiscord(reply), log);
      await send(interaction, () => interaction.reply(replyOptions(sent)));
      return;
    }
    log.info({ command: interaction.commandName }, "answer is slow: deferring");
    metrics.answerDeferred("discord");
    await interaction.deferReply(wantsPrivate ? { flags: EPHEMERAL } : {});
    const reply = await producedReply(interaction, await pending);
    const sent = attachPicture(reply, renderDiscord(reply), log);
    await send(interaction, () => interaction.editReply(editOptions(sent)));
  }

  return { answer, send };
}
