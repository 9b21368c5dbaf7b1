/**
 * What a slash command is: a definition (name, description, options as a zod object, and the values
 * it suggests for the options that come from the data) and a pure handler `(options, context) =>
 * Reply` that never sees a platform interaction.
 */
import type { z } from "zod";
import type { Settings } from "../config.js";
import type { Dataset, Story } from "../dataset/dataset.js";
import type { LanguageReason } from "../language/chain.js";
import type { Language } from "../language/languages.js";
import type { Words } from "../language/words.js";
import type { Reply } from "../reply/reply.js";
import type { PlatformName, Store } from "../store/store.js";
import type { Clock } from "../time/clock.js";
import type { Choice } from "./choices.js";

export interface CommandContext {
  dataset: Dataset;
  clock: Clock;
  settings: Settings;
  /** The commands on offer, for /help. */
  commands: readonly AnyCommand[];
  /** The reader's language: every sentence of the reply is written through these words. */
  words: Words;
}

/** Who asked, and where: what a command about the channel itself needs to know. */
export interface Invocation {
  /** The platform's name (src/platforms/index.ts), or "console". */
  platform: PlatformName;
  channelId: string;
  /** Discord guild id, Slack team id ("console" on the console). */
  workspaceId: string;
  userId: string;
  /**
   * The language the reply is written in, as the core resolved it before the command ran (the
   * person's choice, their locale, the server's; docs/decisions/0031-who-gets-which-language.md).
   * English without.
   */
  language?: Language;
  /** The person's client locale as the platform gave it (Discord's interaction `locale`, Slack's users.info). */
  locale?: string;
  /** The server's locale (Discord's `guild_locale`; Slack has none an app can read). */
  guildLocale?: string;
  /**
   * The channel's own locale, where the platform has one (Slack's conversations.info with
   * include_locale): asked only by the commands that record it (/subscribe), since it costs a call.
   */
  channelLocale?(): Promise<string | undefined>;
  /**
   * Whether the person may manage the channel (Discord: Manage Channels; Slack: workspace admin or
   * owner, or SLACK_ADMIN_USERS). Asked only by commands that need it, since Slack must call an API.
   */
  canManage(): Promise<boolean>;
  /**
   * Where the workspace has scheduled events (a Discord server): whether the bot may create and
   * manage them there (Discord: its Manage Events or Create Events permission). Absent elsewhere.
   */
  scheduledEvents?: { botMayManage: boolean };
  /** What the channel is, on platforms with threads and forums (none: a plain channel). */
  channelKind?(): Promise<ChannelKind>;
}

/** Who reads a reply: the person on a platform and what the platform says of their locale. */
export type Reader = Pick<Invocation, "platform" | "userId" | "locale" | "guildLocale">;

/** Each reader's language: their stored choice, then their locale, then the server's, then English. */
export interface ReaderLanguages {
  /** The reader's language, and which step of the chain gave it. */
  of(reader: Reader): Promise<{ language: Language; reason: LanguageReason }>;
  /** Remembers the person's choice on their platform (undefined forgets it). */
  choose(
    reader: Pick<Reader, "platform" | "userId">,
    language: Language | undefined,
    at: Date,
  ): Promise<void>;
}

/** A plain channel, or a thread (in a forum: one of its posts) with the channel it belongs to. */
export type ChannelKind = { kind: "channel" } | { kind: "thread"; parentId: string; inForum: boolean };

// biome-ignore lint/suspicious/noExplicitAny: a registry holds commands of every option shape.
export type AnyOptions = z.ZodObject<any>;

/** What an option's suggestions are drawn from. */
export interface SuggestContext extends CommandContext {
  /** The story the options filled in so far name (by id or short key), else the default story. */
  story: Story;
  /** The options filled in so far, raw (as the platform sent them). */
  filled: Readonly<Record<string, unknown>>;
}

/**
 * Every value an option takes, from the data: a platform with a picker (Discord's autocomplete)
 * offers those matching what is being typed, and a short key standing for one is looked up in them.
 */
export type Suggest = (context: SuggestContext) => readonly Choice[];

/** What every platform needs to offer a command: its name, description and options. */
export interface CommandInfo<S extends AnyOptions = AnyOptions> {
  name: string;
  description: string;
  options: S;
  /**
   * "manage-channel": only people who may manage the channel can run it (Discord registers it with
   * Manage Channels as its default member permission, and the core checks again at run time).
   */
  permission?: "manage-channel";
  /**
   * The options whose values come from the data, each with the values it takes (see `Suggest`):
   * the command's autocomplete, beside its options and handler, platform-free.
   */
  suggest?: { readonly [K in keyof z.input<S> & string]?: Suggest };
}

/** A question about the dataset: a pure, synchronous handler. */
export interface CommandDefinition<S extends AnyOptions = AnyOptions> extends CommandInfo<S> {
  kind?: "answer";
  handle(options: z.output<S>, context: CommandContext): Reply;
}

/**
 * A command about the channel it is typed in (/subscribe and friends). It reads and writes the
 * channel's subscription through the context, so its handler is async; it still never sees a
 * platform: the adapter describes the channel and the person in an `Invocation`.
 */
export interface ChannelCommandDefinition<S extends AnyOptions = AnyOptions> extends CommandInfo<S> {
  kind: "channel";
  handle(options: z.output<S>, context: ChannelContext): Promise<Reply>;
}

/** What channel commands work on: the store of subscriptions and deliveries. */
export type ChannelPort = Store;

export interface ChannelContext extends CommandContext {
  invocation: Invocation;
  /** Whether the person may manage this channel (resolved before the handler runs, when needed). */
  canManage: boolean;
  /** The service behind channel commands (the subscriptions store). */
  port: ChannelPort;
  /** Each reader's language, and their choice to change (/language). */
  languages: ReaderLanguages;
}

export type AnyCommand = CommandDefinition | ChannelCommandDefinition;

/** Typed helper: keeps the handler's options typed from the schema. */
export function defineCommand<S extends AnyOptions>(def: CommandDefinition<S>): CommandDefinition<S> {
  return def;
}

export function defineChannelCommand<S extends AnyOptions>(
  def: ChannelCommandDefinition<S>,
): ChannelCommandDefinition<S> {
  return def;
}
