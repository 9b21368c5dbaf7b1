/** Starts the real bot (core, adapter, discord.js Client) against a stand-in Discord, for e2e tests. */
import type { BotCore } from "../../../src/bot/core.js";
import type { InFlight } from "../../../src/bot/in-flight.js";
import type { Metrics } from "../../../src/monitoring/metrics.js";
import {
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordCore,
} from "../../../src/platforms/discord/adapter.js";
import type { SqliteStore } from "../../../src/store/sqlite.js";
import { shippedCoreWithStore } from "../core.js";
import { captureLog } from "../log.js";
import { StandInDiscord } from "../standins/discord.js";

export const TOKEN = "stand-in-bot-token.secret-part";

export interface DiscordHarness {
  discord: StandInDiscord;
  core: BotCore;
  adapter: DiscordAdapter;
  store: SqliteStore;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /** The raw log text (to check no token leaks). */
  logText(): string;
  close(): Promise<void>;
}

export async function startDiscordHarness(
  options: {
    wrapCore?: (core: BotCore) => DiscordCore;
    deferAfterMs?: number;
    /** Counted by the core, the adapter and the store, as the running bot counts. */
    metrics?: Metrics;
    /** The answers under way, as the running bot shares them for a clean stop. */
    inFlight?: InFlight;
    /** Servers the bot is in (default none). */
    guilds?: number;
  } = {},
): Promise<DiscordHarness> {
  const { log, text, lines } = captureLog();
  const { metrics } = options;
  const { core, data, store } = await shippedCoreWithStore({ log, ...(metrics ? { metrics } : {}) });
  const discord = await StandInDiscord.start();
  discord.guildCount = options.guilds ?? 0;
  const adapter = createDiscordAdapter({
    core: options.wrapCore ? options.wrapCore(core) : core,
    token: TOKEN,
    appId: discord.appId,
    apiUrl: discord.apiUrl,
    log,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    ...(metrics ? { metrics } : {}),
    ...(options.inFlight ? { inFlight: options.inFlight } : {}),
  });
  await adapter.start();
  return {
    discord,
    core,
    adapter,
    store,
    get logs() {
      return lines();
    },
    logText: text,
    async close() {
      await adapter.stop();
      await discord.stop();
      await store.close();
      data.close();
    },
  };
}
