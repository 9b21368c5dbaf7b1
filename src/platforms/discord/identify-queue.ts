/**
 * One identify queue for every process of the bot. Discord lets a bot's shards identify `max_concurrency`
 * at a time: shard `id` is in bucket `id % max_concurrency`, and each bucket allows one IDENTIFY every
 * 5 seconds, counted for the whole bot, whichever process or machine connects. discord.js's own
 * throttler keeps to it within one process only, so several processes started together (each a range
 * of the shards) identify in the same buckets at once and Discord invalidates the sessions.
 *
 * Here each bucket's window is a row of the store every process shares (`takeWindow`, on the
 * database's clock): a shard identifies once it has taken its bucket's window, and otherwise waits the
 * time the store says is left, with a little jitter. When the store does not answer, the process keeps
 * to the limit on its own (discord.js's throttler) and says so once
 * (docs/decisions/0035-one-identify-queue-for-every-process.md).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type IIdentifyThrottler, SimpleIdentifyThrottler, type WebSocketOptions } from "discord.js";
import type { Logger } from "pino";
import type { WindowStore } from "../../store/windows-sql.js";

/** How long Discord keeps a bucket closed after an IDENTIFY. */
export const IDENTIFY_WINDOW_MS = 5_000;
/**
 * Taken on top of Discord's window: the store's instant is when the window was taken, Discord's is
 * when the IDENTIFY arrives, and a busy process (its event loop, a loaded machine) sends it some time
 * after taking the window. Measured: at 100 shards over 4 processes on a 2-core machine, IDENTIFYs
 * came up to several hundred ms after their window was taken.
 */
export const IDENTIFY_MARGIN_MS = 1_000;

type WsManager = Parameters<NonNullable<WebSocketOptions["buildIdentifyThrottler"]>>[0];

export interface SharedIdentifyOptions {
  windows: WindowStore;
  /** The bot's application id: bots sharing a database keep their buckets apart. */
  appId: string;
  /** `session_start_limit.max_concurrency` of GET /gateway/bot. */
  maxConcurrency: number;
  log: Logger;
  /** Extra wait on top of what the store says, so that waiting shards do not all ask at once (ms). */
  jitterMs?: number;
}

export class SharedIdentifyThrottler implements IIdentifyThrottler {
  private readonly local: SimpleIdentifyThrottler;
  private warned = false;

  constructor(private readonly options: SharedIdentifyOptions) {
    this.local = new SimpleIdentifyThrottler(options.maxConcurrency);
  }

  /** The store key of `shardId`'s bucket. */
  bucketKey(shardId: number): string {
    return `discord-identify:${this.options.appId}:${shardId % this.options.maxConcurrency}`;
  }

  async waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    const key = this.bucketKey(shardId);
    const jitterMs = this.options.jitterMs ?? 250;
    for (;;) {
      signal.throwIfAborted();
      let wait: number;
      try {
        wait = await this.options.windows.takeWindow(key, IDENTIFY_WINDOW_MS + IDENTIFY_MARGIN_MS);
      } catch (err) {
        if (!this.warned) {
          this.warned = true;
          this.options.log.warn(
            { err: err instanceof Error ? err.message : String(err), shard: shardId },
            "the store did not answer for the shared identify queue: this process keeps Discord's identify limit on its own",
          );
        }
        return this.local.waitForIdentify(shardId, signal);
      }
      if (wait <= 0) return;
      await sleep(wait + Math.random() * jitterMs, undefined, { signal });
    }
  }
}

/** discord.js's `ws.buildIdentifyThrottler`: asks Discord for max_concurrency, then shares the buckets. */
export function sharedIdentifyThrottler(
  options: Omit<SharedIdentifyOptions, "maxConcurrency">,
): (manager: WsManager) => Promise<IIdentifyThrottler> {
  return async (manager) => {
    const info = await manager.fetchGatewayInformation();
    return new SharedIdentifyThrottler({
      ...options,
      maxConcurrency: Math.max(1, info.session_start_limit.max_concurrency),
    });
  };
}
