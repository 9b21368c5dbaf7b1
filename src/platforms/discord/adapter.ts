/**
 * The bot in Discord servers: a discord.js Client that turns slash commands, autocomplete and
 * button presses into `core.answerQuestion(...)` calls and answers with the rendered Reply. It asks for no
 * gateway intent and caches almost nothing (the bot reads no messages, members or presences), so
 * its memory does not grow with the servers it is in beyond what discord.js needs.
 */

import type { RESTOptions } from "@discordjs/rest";
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  type ClientOptions,
  Events,
  type GatewayIntentBits,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  Options,
  PermissionFlagsBits,
  Status,
} from "discord.js";
import type { Logger } from "pino";
import { InFlight, LATE, readyWithin, STOPPING } from "../../bot/in-flight.js";
import { decodeAction } from "../../command/actions.js";
import type { Choice } from "../../command/choices.js";
import type { Invocation } from "../../command/definition.js";
import { type Metrics, noMetrics } from "../../metrics/metrics.js";
import { errorReply } from "../../reply/errors.js";
import type { Reply } from "../../reply/reply.js";
import { discordChoices } from "./autocomplete.js";
import { DISCORD_ERROR, discordCode, errorFields } from "./errors.js";
import { type DiscordMessage, EPHEMERAL, renderDiscord } from "./render.js";

/** What the adapter needs of the core (a BotCore fits; answers may be async when slow). */
export interface DiscordCore {
  answerQuestion(name: string, raw: Record<string, unknown>): Reply | Promise<Reply>;
  answerInChannel(name: string, raw: Record<string, unknown>, invocation: Invocation): Promise<Reply>;
  suggest(name: string, option: string, typed: string, filled: Record<string, unknown>): readonly Choice[];
}

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
    canManage: async () =>
      interaction.inGuild() &&
      (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false),
  };
}

/**
 * The gateway shards this process connects: `auto` runs every shard Discord recommends; otherwise the
 * given ids out of `count` shards in all, so that processes on several machines each own a range
 * (Discord sends each shard the servers whose `(guild_id >> 22) % count` is its id, and their
 * interactions).
 */
export type DiscordShards = "auto" | { ids: readonly number[]; count: number };

export interface DiscordAdapterOptions {
  core: DiscordCore;
  token: string;
  appId: string;
  /**
   * Where REST requests go: Discord's API root by default, the shared rate-limiting proxy
   * (DISCORD_PROXY_URL) or a stand-in server. The gateway URL comes from there too.
   */
  apiUrl?: string;
  /** The shards this process connects (default `auto`). */
  shards?: DiscordShards;
  log: Logger;
  /**
   * Discord drops an interaction not answered within 3 s. An answer not ready after this many ms
   * is deferred ("thinking…") and sent as an edit when ready. Default 2,500.
   */
  deferAfterMs?: number;
  /**
   * discord.js's client-side cap on requests per second (default 50, Discord's global limit).
   * Interaction callbacks are not bound by Discord's global limit, so a bot answering bursts of
   * more than ~150 interactions (50/s for 3 s) may raise it.
   */
  globalRequestsPerSecond?: number;
  /** Counts deferred answers, gateway reconnects and rate-limit waits (default: nothing). */
  metrics?: Metrics;
  /** The answers under way, for a clean stop (default: the adapter's own). */
  inFlight?: InFlight;
}

export interface DiscordAdapter {
  /** Logs in and resolves once the client is ready (every server received). */
  start(): Promise<void>;
  /** Closes the gateway connection; safe to call twice. */
  stop(): Promise<void>;
  /** True while every gateway shard is connected and ready (false while it reconnects or resumes). */
  connected(): boolean;
  readonly client: Client;
}

/**
 * The bot asks for no gateway intent. Slash commands, autocomplete and button presses reach a bot
 * without one (INTERACTION_CREATE belongs to no intent), each carrying everything the bot uses: the
 * channel id, the member's permissions there (for /subscribe) and the token to answer with.
 * Without the Guilds intent Discord sends no GUILD_CREATE, so the servers' channels, roles and
 * permission overwrites, most of a server's memory, never reach the client: discord.js's caches
 * for them stay its default ones (it calls limiting those unsupported) and stay empty. The READY
 * payload still lists every server, so `client.guilds` knows them, unavailable.
 * See docs/decisions/0011-payloads-that-always-fit.md.
 */
export const BOT_INTENTS: readonly GatewayIntentBits[] = [];

/**
 * The caches the bot limits, all of them among those discord.js supports limiting: nothing but its
 * own user and member, since members and users come with every interaction and are never read
 * again. Channels, roles, permission overwrites and guilds keep discord.js's default caches.
 */
export function botCacheOptions(): Pick<ClientOptions, "makeCache" | "sweepers"> {
  const none = 0;
  const self = {
    maxSize: 0,
    keepOverLimit: (value: { id: string; client: Client }) => value.id === value.client.user?.id,
  };
  return {
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: none,
      ApplicationEmojiManager: none,
      AutoModerationRuleManager: none,
      BaseGuildEmojiManager: none,
      DMMessageManager: none,
      EntitlementManager: none,
      GuildBanManager: none,
      GuildEmojiManager: none,
      GuildForumThreadManager: none,
      GuildInviteManager: none,
      GuildMemberManager: self,
      GuildMessageManager: none,
      GuildScheduledEventManager: none,
      GuildStickerManager: none,
      GuildTextThreadManager: none,
      MessageManager: none,
      PresenceManager: none,
      ReactionManager: none,
      ReactionUserManager: none,
      StageInstanceManager: none,
      ThreadManager: none,
      ThreadMemberManager: none,
      UserManager: self,
      VoiceStateManager: none,
    }),
    sweepers: Options.DefaultSweeperSettings,
  };
}

/** The client's REST settings: where requests go and the client-side cap on requests per second. */
export function restOptions(
  options: Pick<DiscordAdapterOptions, "apiUrl" | "globalRequestsPerSecond">,
): Partial<RESTOptions> {
  return {
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    ...(options.globalRequestsPerSecond ? { globalRequestsPerSecond: options.globalRequestsPerSecond } : {}),
  };
}

/** discord.js's own sharding options for `shards`. */
export function shardOptions(shards: DiscordShards = "auto"): Pick<ClientOptions, "shards" | "shardCount"> {
  return shards === "auto" ? { shards: "auto" } : { shards: [...shards.ids], shardCount: shards.count };
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

/** The reply as discord.js options: discord.js sets allowed_mentions from `allowedMentions`. */
function replyOptions(message: DiscordMessage): InteractionReplyOptions {
  return {
    ...parts(message),
    allowedMentions: { parse: [] },
    ...(message.flags ? { flags: message.flags } : {}),
  } as InteractionReplyOptions;
}

/** An edit of a deferred reply: its visibility was set by the deferral. */
function editOptions(message: DiscordMessage): InteractionEditReplyOptions {
  return { ...parts(message), allowedMentions: { parse: [] } } as InteractionEditReplyOptions;
}

function updateOptions(message: DiscordMessage): InteractionUpdateOptions {
  // An update keeps the message's own visibility: it takes no ephemeral flag.
  return { ...parts(message), allowedMentions: { parse: [] } } as InteractionUpdateOptions;
}

const STALE_BUTTON = errorReply("stale-button");

/** The bot failed: the handler threw, or Discord refused the answer (the cause is logged). */
const FAILED = errorReply("internal");

/** What producing an answer came to: the Reply, or what the handler threw. */
type Produced = { ok: true; value: Reply } | { ok: false; error: unknown };

/** Creates the adapter; nothing connects before `start()`. */
export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { core, token, appId, log } = options;
  const deferAfterMs = options.deferAfterMs ?? 2_500;
  const metrics = options.metrics ?? noMetrics;
  const inFlight = options.inFlight ?? new InFlight();
  const client = new Client({
    intents: [...BOT_INTENTS],
    ...botCacheOptions(),
    ...shardOptions(options.shards),
    allowedMentions: { parse: [] },
    rest: restOptions(options),
  });
  let stopped = false;

  /** Answers within Discord's window: straight away when the answer is ready in time, else defers. */
  async function answer(
    interaction: ChatInputCommandInteraction,
    produce: () => Reply | Promise<Reply>,
    wantsPrivate: boolean,
  ): Promise<void> {
    const pending: Promise<Produced> = Promise.resolve()
      .then(produce)
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    const first = await readyWithin(pending, deferAfterMs);
    if (first !== LATE) {
      const reply = producedReply(interaction, first);
      await send(interaction, () => interaction.reply(replyOptions(renderDiscord(reply))));
      return;
    }
    log.info({ command: interaction.commandName }, "answer is slow: deferring");
    metrics.answerDeferred("discord");
    await interaction.deferReply(wantsPrivate ? { flags: EPHEMERAL } : {});
    const reply = producedReply(interaction, await pending);
    await send(interaction, () => interaction.editReply(editOptions(renderDiscord(reply))));
  }

  /** The reply to send; an error is logged with its code, so a user's report can be matched. */
  function producedReply(interaction: ChatInputCommandInteraction, produced: Produced): Reply {
    const command = interaction.commandName;
    if (!produced.ok) {
      log.error({ command, code: FAILED.code, error: errorFields(produced.error) }, "command failed");
      return FAILED;
    }
    const reply = produced.value;
    if (reply.kind === "error") log.info({ command, code: reply.code }, "command answered with an error");
    return reply;
  }

  /**
   * Sends, and when Discord rejects the payload itself (a limit we missed), tells the user with a
   * short ephemeral error instead of leaving "The application did not respond".
   */
  async function send(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    deliver: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await deliver();
    } catch (err) {
      if (discordCode(err) !== DISCORD_ERROR.invalidFormBody) throw err;
      log.error({ code: FAILED.code, error: errorFields(err) }, "Discord rejected a reply");
      if (interaction.deferred) await interaction.editReply(editOptions(renderDiscord(FAILED)));
      else if (!interaction.replied) await interaction.reply(replyOptions(renderDiscord(FAILED)));
    }
  }

  async function onChatInput(interaction: ChatInputCommandInteraction): Promise<void> {
    const raw: Record<string, unknown> = {};
    for (const option of interaction.options.data) raw[option.name] = option.value;
    await answer(
      interaction,
      () => core.answerInChannel(interaction.commandName, raw, invocationOf(interaction)),
      raw.private === true,
    );
  }

  /** The command's own suggestions for the option being typed, fitted to Discord's limits. */
  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const filled: Record<string, unknown> = {};
    for (const option of interaction.options.data) if (!option.focused) filled[option.name] = option.value;
    const choices = core.suggest(interaction.commandName, focused.name, String(focused.value ?? ""), filled);
    await interaction.respond(discordChoices(choices));
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const action = decodeAction(interaction.customId);
    if (!action) {
      log.warn({ customId: interaction.customId.slice(0, 100), code: STALE_BUTTON.code }, "unknown button");
      await interaction.reply(replyOptions(renderDiscord(STALE_BUTTON)));
      return;
    }
    const reply = await core.answerQuestion(action.command, action.options);
    if (reply.kind === "error" || reply.ephemeral) {
      if (reply.kind === "error")
        log.info({ command: action.command, code: reply.code }, "button answered with an error");
      // The message stays as it was; an error or a private answer ("Why?") is for the person who
      // pressed, alone.
      await interaction.reply(replyOptions(renderDiscord({ ...reply, ephemeral: true })));
      return;
    }
    await send(interaction, () => interaction.update(updateOptions(renderDiscord(reply))));
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const kind = interaction.isChatInputCommand()
      ? "command"
      : interaction.isAutocomplete()
        ? "autocomplete"
        : interaction.isButton()
          ? "button"
          : "other";
    try {
      // Stopping: what is under way finishes, what arrives now is told to come back.
      if (!inFlight.accepting) {
        if (interaction.isRepliable()) await interaction.reply(replyOptions(renderDiscord(STOPPING)));
        return;
      }
      if (interaction.isChatInputCommand()) await onChatInput(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isButton()) await onButton(interaction);
      else return;
      log.debug(
        { kind, id: interaction.id, ms: Math.round(performance.now() - started) },
        "interaction answered",
      );
    } catch (err) {
      const code = discordCode(err);
      const why =
        code === DISCORD_ERROR.unknownInteraction
          ? "interaction expired before the answer reached Discord"
          : code === DISCORD_ERROR.alreadyAcknowledged
            ? "interaction was already answered"
            : "answering an interaction failed";
      log.warn({ kind, id: interaction.id, error: errorFields(err) }, why);
    }
  }

  client.on(Events.InteractionCreate, (interaction) => {
    void inFlight.track(onInteraction(interaction));
  });
  client.on(Events.Error, (err) => log.error({ error: errorFields(err) }, "discord client error"));
  client.on(Events.Warn, (message) => log.warn({ message }, "discord client warning"));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ shard, code: event.code }, "gateway disconnected"),
  );
  client.on(Events.ShardReconnecting, (shard) => {
    metrics.reconnecting("discord");
    log.info({ shard }, "gateway reconnecting");
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, "gateway resumed"));
  client.rest.on("restDebug", (message) => {
    // A 429 Discord did not announce is only reported as a debug text (which holds the URL, and so
    // the interaction token): log its bucket and wait time only. Behind the shared proxy this is also
    // how the proxy says "wait": its 429s never reach Discord.
    if (!message.includes("Encountered unexpected 429")) return;
    metrics.rateLimited("discord");
    log.warn(
      {
        route: /Bucket\s*:\s*(\S+)/.exec(message)?.[1],
        retryAfterMs: Number(/Retry After\s*:\s*(\d+)/.exec(message)?.[1]),
      },
      "rate limited by Discord (or the shared proxy): waiting",
    );
  });
  client.rest.on("rateLimited", (info) => {
    metrics.rateLimited("discord");
    log.warn(
      { route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global },
      "rate limited by Discord: waiting",
    );
  });

  return {
    client,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
      log.info(
        {
          appId,
          user: client.user?.tag,
          guilds: client.guilds.cache.size,
          shards: [...client.ws.shards.keys()],
          shardCount: client.options.shardCount,
        },
        "discord bot ready",
      );
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
      log.info("discord bot stopped");
    },
    connected() {
      const shards = client.ws.shards;
      return !stopped && shards.size > 0 && shards.every((shard) => shard.status === Status.Ready);
    },
  };
}
