/**
 * The bot in Discord servers: a discord.js Client that turns slash commands, autocomplete and
 * button presses into `core.answerQuestion(...)` calls and answers with the rendered Reply. It asks for no
 * gateway intent and caches almost nothing (the bot reads no messages, members or presences), so
 * its memory does not grow with the servers it is in beyond what discord.js needs.
 *
 * This file is the client and its connection; its stages are apart: ./interactions.ts takes every
 * interaction to ./answers.ts (slash commands), ./autocomplete.ts or ./buttons.ts, ./gateway.ts logs
 * what the connections say, and ./discord-sender.ts posts reminders through the client's REST queue.
 */

import type { RESTOptions } from "@discordjs/rest";
import { Client, type ClientOptions, Events, type GatewayIntentBits, Options, Status } from "discord.js";
import type { Logger } from "pino";
import { InFlight } from "../../bot/in-flight.js";
import { type Metrics, noMetrics } from "../../monitoring/metrics.js";
import type { WindowStore } from "../../store/windows-sql.js";
import { watchConnections } from "./gateway.js";
import { sharedIdentifyThrottler } from "./identify-queue.js";
import { type DiscordCore, interactionHandler } from "./interactions.js";
import { restRequest } from "./rest-agent.js";

export type { DiscordCore } from "./interactions.js";

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
  /**
   * The windows every process of the bot shares (the store): shards identify through one queue for
   * all of them (./identify-queue.ts). Absent: discord.js's own queue, for this process alone.
   */
  windows?: WindowStore;
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

/** The client's REST settings: its own agent (./rest-agent.ts), where requests go and the client-side cap on requests per second. */
export function restOptions(
  options: Pick<DiscordAdapterOptions, "apiUrl" | "globalRequestsPerSecond">,
): Partial<RESTOptions> {
  return {
    makeRequest: restRequest(),
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    ...(options.globalRequestsPerSecond ? { globalRequestsPerSecond: options.globalRequestsPerSecond } : {}),
  };
}

/** discord.js's own sharding options for `shards`. */
export function shardOptions(shards: DiscordShards = "auto"): Pick<ClientOptions, "shards" | "shardCount"> {
  return shards === "auto" ? { shards: "auto" } : { shards: [...shards.ids], shardCount: shards.count };
}

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
    ...(options.windows
      ? { ws: { buildIdentifyThrottler: sharedIdentifyThrottler({ windows: options.windows, appId, log }) } }
      : {}),
  });
  let stopped = false;
  const onInteraction = interactionHandler({ core, log, metrics, inFlight, deferAfterMs });
  client.on(Events.InteractionCreate, (interaction) => {
    void inFlight.track(onInteraction(interaction));
  });
  watchConnections(client, log, metrics);

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
