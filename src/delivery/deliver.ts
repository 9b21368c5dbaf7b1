/**
 * Exactly-once delivery of one item (a reminder or a news update) to many channels.
 *
 * Per channel: `claim` the ledger row (atomic; whoever loses the race does nothing), send, `finish`.
 * A claim carries this process as its owner and a lease, which the process renews while it works on
 * the row; nobody else touches the row before the lease ends. Several processes fanning the same item
 * out therefore share the channels between them: each sends those it claimed first. A crash between
 * send and finish leaves the row `claimed` until its lease ends; `recover` then retakes it (a
 * compare-and-set on the attempt count, so two recoverers never both act), looks the marker up in the
 * channel's recent messages, and only resends when it is not there. Transient failures are retried
 * with exponential backoff a bounded number of times (looking the marker up first on platforms whose
 * resends are not idempotent); a gone channel is deactivated at once; anything else is recorded as
 * failed. Rate limits are the platform clients' business. When the store fails, the fan-out claims
 * nothing more and fails once the sends under way have ended; what it left is the next tick's.
 *
 * This file claims (fanOut) and retakes (recover); the stages have files of their own: fan-out.ts
 * (running over the channels, counting outcomes), leases.ts (holding claims), send.ts (sending a held
 * row, with retries) and settle.ts (how a held row ends, the marker look-up included).
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { Language } from "../language/languages.js";
import type { Words } from "../language/words.js";
import { type Metrics, noMetrics } from "../monitoring/metrics.js";
import type { ChannelRef, Delivery, DeliveryRef, NewDelivery, PlatformName, Store } from "../store/store.js";
import type { Clock } from "../time/clock.js";
import {
  type ChannelOutcome,
  deliverEach,
  emptyOutcomes,
  type FanOutReport,
  rotated,
  stored,
} from "./fan-out.js";
import { type DeliveryItem, defaultLateText } from "./item.js";
import { Leases } from "./leases.js";
import { markerFor } from "./marker.js";
import { type RetryPolicy, type SendContext, sendHeld } from "./send.js";
import type { Sender } from "./sender.js";
import { ThreadRouter } from "./threads.js";

// What the deliverer's callers take along with it (their homes are fan-out.ts, item.ts and send.ts).
export { eachLimit } from "./fan-out.js";
export type { ChannelOutcome, DeliveryItem, FanOutReport, RetryPolicy };

export interface DelivererOptions {
  store: Store;
  senders: Partial<Record<PlatformName, Sender>>;
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
  /** Says how late an item is, for its reply, in the channel's words. */
  lateText?: (dueAt: Date, now: Date, words: Words) => string;
  /** Waits between retries (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** Identifies this process in the ledger (default: host:pid:random). */
  owner?: string;
  /**
   * How long a claim stays this process's without a renewal (renewed every third of it while the
   * row is worked on); another process settles it only once it has ended. Default 3 minutes.
   */
  leaseMs?: number;
  /** Counts how deliveries end and how many wait (default: nothing). */
  metrics?: Metrics;
}

/** A channel an item goes to, with the language its alerts are written in (English when absent). */
export type Recipient = ChannelRef & { readonly language?: Language | undefined };

/** What recovery rebuilds of an unconfirmed row: the item, in its channel's language, or why it is past sending. */
export type Recovered = { item: DeliveryItem; language?: Language | undefined } | { expired: string };

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Deliverer {
  readonly owner: string;
  private readonly leases: Leases;
  private readonly concurrency: number;
  /**
   * Channels found gone in this process, and when: later items of the same tick skip them without a
   * request or a log line, until the channel subscribes again (its `updatedAt` moves past that).
   */
  private readonly gone = new Map<string, number>();
  private readonly metrics: Metrics;
  /** What sending a held row needs of this deliverer. */
  private readonly sending: SendContext;
  /** Set by stop(): nothing more is claimed or retried; rows in flight finish, the rest wait. */
  private stopping = false;

  constructor(private readonly options: DelivererOptions) {
    this.concurrency = options.concurrency ?? 64;
    this.metrics = options.metrics ?? noMetrics;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const now = () => this.now();
    this.leases = new Leases({
      store: options.store,
      log: options.log,
      now,
      owner: this.owner,
      leaseMs: options.leaseMs ?? 3 * 60_000,
    });
    this.sending = {
      store: options.store,
      log: options.log,
      now,
      lateAfterMs: options.lateAfterMs ?? 5 * 60_000,
      gone: this.gone,
      retry: { attempts: 4, baseMs: 1_000, maxMs: 30_000, ...options.retry },
      maxAttempts: options.maxAttempts ?? 8,
      lateText: options.lateText ?? defaultLateText,
      sleep: options.sleep ?? realSleep,
      lease: () => this.leases.lease(),
      stopped: () => this.stopping,
      threads: new ThreadRouter({ store: options.store, now }),
    };
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

  private get log(): Logger {
    return this.options.log;
  }

  private now(): Date {
    return this.options.clock.now();
  }

  /** Runs `deliver` over `items` (see deliverEach) with this deliverer's concurrency, metrics and stop. */
  private each<T>(
    items: readonly T[],
    outcomes: Record<ChannelOutcome, number>,
    deliver: (item: T) => Promise<ChannelOutcome>,
  ): Promise<void> {
    const options = { concurrency: this.concurrency, metrics: this.metrics, stopped: () => this.stopping };
    return deliverEach(options, items, outcomes, deliver);
  }

  /**
   * Delivers `item` once to each channel (the ledger skips those that already have it), in the
   * channel's language: the ledger row and its marker are the same whatever the language.
   */
  async fanOut(item: DeliveryItem, channels: readonly Recipient[]): Promise<FanOutReport> {
    const outcomes = emptyOutcomes();
    const marker = markerFor(item.key);
    const live = channels.filter((c) => {
      const goneAt = this.gone.get(`${c.platform}:${c.channelId}`);
      if (goneAt === undefined) return true;
      const updatedAt = (c as { updatedAt?: Date }).updatedAt?.getTime();
      return updatedAt !== undefined && updatedAt > goneAt;
    });
    outcomes.gone += channels.length - live.length;
    await this.each(rotated(live, `${this.owner}|${item.key}`), outcomes, async (channel) => {
      const now = this.now();
      // A platform this process does not serve: the claim is free at once, for a process that does.
      const served = this.options.senders[channel.platform] !== undefined;
      const entry: NewDelivery = {
        key: item.key,
        platform: channel.platform,
        channelId: channel.channelId,
        kind: item.kind,
        dueAt: item.dueAt,
        marker,
        summary: item.summary,
        owner: this.owner,
        leaseUntil: served ? this.leases.lease().until : now,
      };
      return (await stored(() => this.options.store.claim(entry, now)))
        ? await this.attempt(item, entry, 1, false, undefined, channel.language)
        : "already";
    });
    const report = { channels: channels.length, outcomes };
    this.log.info({ key: item.key, ...outcomes }, "alert fanned out");
    return report;
  }

  /**
   * Settles claims nobody confirmed (a crash, or retries exhausted in an earlier run) whose lease has
   * ended by `leaseEndedBy`. `itemFor` rebuilds the item from its row; undefined or `expired` means it
   * is past saving (it is then only marked sent if its marker is found, else skipped with `expired`).
   */
  async recover(
    leaseEndedBy: Date,
    itemFor: (row: Delivery) => Recovered | Promise<Recovered>,
  ): Promise<FanOutReport> {
    // Rows of platforms this process does not serve belong to a process that does.
    const rows = (await this.options.store.unconfirmed(leaseEndedBy)).filter(
      (r) => this.options.senders[r.platform],
    );
    const outcomes = emptyOutcomes();
    await this.each(rows, outcomes, async (row) => {
      const now = this.now();
      if (!(await stored(() => this.options.store.retake(row, row.attempts, now, this.leases.lease()))))
        return "already";
      const resolved = await itemFor(row);
      return this.attempt(
        "item" in resolved ? resolved.item : undefined,
        row,
        row.attempts + 1,
        true,
        "expired" in resolved ? resolved.expired : undefined,
        "item" in resolved ? resolved.language : undefined,
      );
    });
    if (rows.length) this.log.warn({ rows: rows.length, ...outcomes }, "recovered unconfirmed deliveries");
    return { channels: rows.length, outcomes };
  }

  /**
   * Sends one claimed row (see sendHeld), holding its lease meanwhile. `lookFirst`: the message may
   * already be in the channel (recovery), so look for its marker before sending.
   */
  private async attempt(
    item: DeliveryItem | undefined,
    entry: NewDelivery,
    attempts: number,
    lookFirst: boolean,
    expired?: string,
    language?: Language,
  ): Promise<ChannelOutcome> {
    const ref: DeliveryRef = { key: entry.key, platform: entry.platform, channelId: entry.channelId };
    const sender = this.options.senders[entry.platform];
    if (!sender) {
      // Another process (with that platform configured) may own this channel: leave the row for it.
      return "no_sender";
    }
    this.leases.hold(ref);
    try {
      return await sendHeld(this.sending, sender, item, entry, attempts, lookFirst, expired, language);
    } finally {
      this.leases.letGo(ref);
    }
  }
}
