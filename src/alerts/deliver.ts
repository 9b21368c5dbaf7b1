/**
 * Exactly-once delivery of one item (a reminder or a news update) to many channels.
 *
 * Per channel: `claim` the ledger row (atomic; whoever loses the race does nothing), send, `finish`.
 * A crash between send and finish leaves the row `claimed`; `recover` later retakes it (a
 * compare-and-set on the attempt count, so two recoverers never both act), looks the marker up in the
 * channel's recent messages, and only resends when it is not there. Transient failures are retried
 * with exponential backoff a bounded number of times (looking the marker up first on platforms whose
 * resends are not idempotent); a gone channel is deactivated at once; anything else is recorded as
 * failed. Rate limits are the platform clients' business.
 */
import type { Logger } from "pino";
import { type AlertOutcome, type Metrics, noMetrics } from "../metrics/metrics.js";
import type { Reply } from "../reply/reply.js";
import type {
  ChannelRef,
  Delivery,
  DeliveryKind,
  DeliveryRef,
  NewDelivery,
  Platform,
  Store,
} from "../store/store.js";
import type { Clock } from "../time/clock.js";
import { markerFor } from "./marker.js";
import { describe, type Sender } from "./sender.js";

/** One thing to say to many channels. */
export interface DeliveryItem {
  key: string;
  kind: DeliveryKind;
  dueAt: Date;
  /** One line for the ledger and /subscriptions. */
  summary: string;
  /** The reply to post; `late` says by how much it is late ("due 09:00, sent 2 hours late") when it is. */
  reply(late: string | undefined): Reply;
}

export interface RetryPolicy {
  /** Attempts per delivery run, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export interface DelivererOptions {
  store: Store;
  senders: Partial<Record<Platform, Sender>>;
  clock: Clock;
  log: Logger;
  /** Default: 4 attempts, 1 s doubling to at most 30 s. */
  retry?: Partial<RetryPolicy>;
  /** Ledger rows that reach this many attempts (across runs and restarts) are given up. Default 8. */
  maxAttempts?: number;
  /** Channels served at once (the platform client queues behind its rate limits). Default 64. */
  concurrency?: number;
  /** Items sent more than this after they were due are marked late. Default 5 minutes. */
  lateAfterMs?: number;
  /** Says how late an item is, for its reply. */
  lateText?: (dueAt: Date, now: Date) => string;
  /** Waits between retries (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** Identifies this process in the ledger. */
  owner?: string;
  /** Counts how deliveries end and how many wait (default: nothing). */
  metrics?: Metrics;
}

export type ChannelOutcome =
  | "sent"
  | "sent_late"
  | "found"
  | "already"
  | "gone"
  | "failed"
  | "skipped"
  | "deferred"
  | "no_sender";

/** What each outcome counts as in the alerts metric; deferred and no_sender rows end later, elsewhere. */
const ALERT_OUTCOME: Record<ChannelOutcome, AlertOutcome | undefined> = {
  sent: "sent",
  sent_late: "sent_late",
  found: "deduplicated",
  already: "deduplicated",
  gone: "failed",
  failed: "failed",
  skipped: "skipped",
  deferred: undefined,
  no_sender: undefined,
};

export interface FanOutReport {
  channels: number;
  outcomes: Record<ChannelOutcome, number>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function defaultLateText(dueAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.round((now.getTime() - dueAt.getTime()) / 60_000));
  if (minutes < 90) return `sent ${minutes} minute${minutes === 1 ? "" : "s"} late`;
  const hours = Math.round(minutes / 60);
  return `sent ${hours} hour${hours === 1 ? "" : "s"} late`;
}

function emptyOutcomes(): Record<ChannelOutcome, number> {
  return {
    sent: 0,
    sent_late: 0,
    found: 0,
    already: 0,
    gone: 0,
    failed: 0,
    skipped: 0,
    deferred: 0,
    no_sender: 0,
  };
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function eachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export class Deliverer {
  private readonly retry: RetryPolicy;
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly lateAfterMs: number;
  private readonly lateText: (dueAt: Date, now: Date) => string;
  private readonly sleep: (ms: number) => Promise<void>;
  /**
   * Channels found gone in this process, and when: later items of the same tick skip them without a
   * request or a log line, until the channel subscribes again (its `updatedAt` moves past that).
   */
  private readonly gone = new Map<string, number>();
  private readonly metrics: Metrics;
  /** Set by stop(): nothing more is claimed or retried; rows in flight finish, the rest wait. */
  private stopping = false;

  constructor(private readonly options: DelivererOptions) {
    this.retry = { attempts: 4, baseMs: 1_000, maxMs: 30_000, ...options.retry };
    this.maxAttempts = options.maxAttempts ?? 8;
    this.concurrency = options.concurrency ?? 64;
    this.lateAfterMs = options.lateAfterMs ?? 5 * 60_000;
    this.lateText = options.lateText ?? defaultLateText;
    this.sleep = options.sleep ?? realSleep;
    this.metrics = options.metrics ?? noMetrics;
  }

  /**
   * Claims nothing more and retries nothing more: sends in flight finish, everything else is left for
   * the next run or another process to settle (unclaimed, or claimed and recovered by its marker).
   */
  stop(): void {
    this.stopping = true;
  }

  get stopped(): boolean {
    return this.stopping;
  }

  /**
   * Delivers each of `items` (at most `concurrency` at once, counted in the fan-out queue until done)
   * and tallies how each ended; once stopped, the items not yet started are left alone.
   */
  private async deliverEach<T>(
    items: readonly T[],
    outcomes: Record<ChannelOutcome, number>,
    deliver: (item: T) => Promise<ChannelOutcome>,
  ): Promise<void> {
    this.metrics.fanOutQueued(items.length);
    await eachLimit(items, this.concurrency, async (item) => {
      try {
        if (this.stopping) return;
        const outcome = await deliver(item);
        outcomes[outcome]++;
        const counted = ALERT_OUTCOME[outcome];
        if (counted) this.metrics.alertsEnded(counted, 1);
      } finally {
        this.metrics.fanOutQueued(-1);
      }
    });
  }

  private get log(): Logger {
    return this.options.log;
  }

  private now(): Date {
    return this.options.clock.now();
  }

  /** Delivers `item` once to each channel (the ledger skips those that already have it). */
  async fanOut(item: DeliveryItem, channels: readonly ChannelRef[]): Promise<FanOutReport> {
    const outcomes = emptyOutcomes();
    const marker = markerFor(item.key);
    const live = channels.filter((c) => {
      const goneAt = this.gone.get(`${c.platform}:${c.channelId}`);
      if (goneAt === undefined) return true;
      const updatedAt = (c as { updatedAt?: Date }).updatedAt?.getTime();
      return updatedAt !== undefined && updatedAt > goneAt;
    });
    outcomes.gone += channels.length - live.length;
    await this.deliverEach(live, outcomes, async (channel) => {
      const entry: NewDelivery = {
        key: item.key,
        platform: channel.platform,
        channelId: channel.channelId,
        kind: item.kind,
        dueAt: item.dueAt,
        marker,
        summary: item.summary,
        ...(this.options.owner ? { owner: this.options.owner } : {}),
      };
      return (await this.options.store.claim(entry, this.now()))
        ? await this.attempt(item, entry, 1, false)
        : "already";
    });
    const report = { channels: channels.length, outcomes };
    this.log.info({ key: item.key, ...outcomes }, "alert fanned out");
    return report;
  }

  /**
   * Settles claims nobody confirmed (a crash, or retries exhausted in an earlier run) claimed at or
   * before `claimedBefore`. `itemFor` rebuilds the item from its row; undefined or `expired` means it
   * is past saving (it is then only marked sent if its marker is found, else skipped with `expired`).
   */
  async recover(
    claimedBefore: Date,
    itemFor: (row: Delivery) => { item: DeliveryItem } | { expired: string },
  ): Promise<FanOutReport> {
    // Rows of platforms this process does not serve belong to a process that does.
    const rows = (await this.options.store.unconfirmed(claimedBefore)).filter(
      (r) => this.options.senders[r.platform],
    );
    const outcomes = emptyOutcomes();
    await this.deliverEach(rows, outcomes, async (row) => {
      if (!(await this.options.store.retake(row, row.attempts, this.now()))) return "already";
      const resolved = itemFor(row);
      return this.attempt(
        "item" in resolved ? resolved.item : undefined,
        row,
        row.attempts + 1,
        true,
        "expired" in resolved ? resolved.expired : undefined,
      );
    });
    if (rows.length) this.log.warn({ rows: rows.length, ...outcomes }, "recovered unconfirmed deliveries");
    return { channels: rows.length, outcomes };
  }

  /**
   * Sends one claimed row, retrying transient failures. `lookFirst`: the message may already be in the
   * channel (recovery), so look for its marker before sending.
   */
  private async attempt(
    item: DeliveryItem | undefined,
    entry: NewDelivery,
    attempts: number,
    lookFirst: boolean,
    expired?: string,
  ): Promise<ChannelOutcome> {
    const { store } = this.options;
    const ref: DeliveryRef = { key: entry.key, platform: entry.platform, channelId: entry.channelId };
    const sender = this.options.senders[entry.platform];
    if (!sender) {
      // Another process (with that platform configured) may own this channel: leave the row for it.
      return "no_sender";
    }
    let look = lookFirst;
    let lastReason = "";
    for (let run = 1; ; run++) {
      try {
        if (look) {
          const found = await sender.findByMarker(entry.channelId, entry.marker);
          if (found) {
            const late = this.now().getTime() - entry.dueAt.getTime() > this.lateAfterMs;
            await store.finish(ref, { state: late ? "sent_late" : "sent", messageId: found }, this.now());
            this.log.info({ ...ref, messageId: found }, "delivery found in the channel; not resent");
            return "found";
          }
        }
        if (!item || expired !== undefined) {
          const reason = expired ?? "its item is no longer in the data";
          await store.finish(ref, { state: "skipped", reason }, this.now());
          this.log.warn({ ...ref, reason }, "unconfirmed delivery not resent");
          return "skipped";
        }
        if (attempts > this.maxAttempts) {
          const reason = `gave up after ${attempts - 1} attempts: ${lastReason || "unconfirmed"}`;
          await store.finish(ref, { state: "failed", reason }, this.now());
          this.log.error({ ...ref, reason }, "delivery failed");
          return "failed";
        }
        const sentAt = this.now();
        const late = sentAt.getTime() - item.dueAt.getTime() > this.lateAfterMs;
        const { messageId } = await sender.send(
          entry.channelId,
          item.reply(late ? this.lateText(item.dueAt, sentAt) : undefined),
          entry.marker,
        );
        await store.finish(ref, { state: late ? "sent_late" : "sent", messageId }, this.now());
        return late ? "sent_late" : "sent";
      } catch (err) {
        const failure = sender.classify(err);
        lastReason = failure.reason;
        if (failure.type === "gone") {
          const reason = `gone: ${failure.reason}`;
          this.gone.set(`${entry.platform}:${entry.channelId}`, this.now().getTime());
          await store.finish(ref, { state: "failed", reason }, this.now());
          await store.deactivate(entry, reason, this.now());
          this.log.warn(
            { platform: entry.platform, channelId: entry.channelId, reason },
            "channel gone: subscription deactivated",
          );
          return "gone";
        }
        if (failure.type === "rejected") {
          const reason = `rejected: ${failure.reason}`;
          await store.finish(ref, { state: "failed", reason }, this.now());
          this.log.error({ ...ref, reason, err: describe(err) }, "delivery rejected");
          return "failed";
        }
        if (run >= this.retry.attempts || attempts >= this.maxAttempts || this.stopping) {
          // Left claimed: a later tick's (or process's) recovery looks for the marker and tries again,
          // until maxAttempts.
          this.log.warn(
            { ...ref, reason: failure.reason, attempts },
            "delivery deferred after transient failures",
          );
          return "deferred";
        }
        const wait = Math.min(this.retry.maxMs, this.retry.baseMs * 2 ** (run - 1));
        await this.sleep(wait / 2 + Math.random() * (wait / 2));
        if (!(await store.retake(ref, attempts, this.now()))) return "already";
        attempts++;
        look = !sender.idempotent;
      }
    }
  }
}
