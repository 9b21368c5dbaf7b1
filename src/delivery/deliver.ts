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
 */
import { createHash, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import { type AlertOutcome, type Metrics, noMetrics } from "../metrics/metrics.js";
import type { Reply } from "../reply/reply.js";
import type {
  ChannelRef,
  Delivery,
  DeliveryKind,
  DeliveryRef,
  Lease,
  NewDelivery,
  Outcome,
  PlatformName,
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
  /** Says how late an item is, for its reply. */
  lateText?: (dueAt: Date, now: Date) => string;
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

/** A store call failed: not the platform's doing, so never classified as a send failure. */
class StoreFailure extends Error {
  constructor(readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error));
  }
}

function refKey(ref: DeliveryRef): string {
  return `${ref.platform}:${ref.channelId}:${ref.key}`;
}

/**
 * `items` starting at a place of their own for this process and item, so that processes fanning one
 * item out together mostly claim different channels instead of racing for the same ones.
 */
function rotated<T>(items: readonly T[], seed: string): T[] {
  if (items.length < 2) return [...items];
  const start = createHash("sha256").update(seed).digest().readUInt32BE(0) % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

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
  readonly owner: string;
  private readonly leaseMs: number;
  /** The rows this process works on right now: their leases are renewed until they are let go. */
  private readonly held = new Map<string, DeliveryRef>();
  private renewal: NodeJS.Timeout | undefined;
  private renewing = false;
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
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 3 * 60_000;
  }

  /** This process's claim from now on: a lease of `leaseMs` by the clock. */
  private lease(): Lease {
    return { owner: this.owner, until: new Date(this.now().getTime() + this.leaseMs) };
  }

  /** Keeps renewing `ref`'s lease until `letGo`. */
  private hold(ref: DeliveryRef): void {
    this.held.set(refKey(ref), ref);
    this.renewal ??= setInterval(() => void this.renewLeases(), this.leaseMs / 3).unref();
  }

  private letGo(ref: DeliveryRef): void {
    this.held.delete(refKey(ref));
    if (this.held.size === 0 && this.renewal) {
      clearInterval(this.renewal);
      this.renewal = undefined;
    }
  }

  private async renewLeases(): Promise<void> {
    const refs = [...this.held.values()];
    if (this.renewing || refs.length === 0) return;
    this.renewing = true;
    try {
      await this.options.store.renew(refs, this.lease(), this.now());
    } catch (err) {
      // The sends go on; if the store stays away longer than a lease, another process may take
      // these rows over once it is back (and looks their markers up before any resend).
      this.log.warn({ err, rows: refs.length }, "could not renew the leases of the claims under way");
    } finally {
      this.renewing = false;
    }
  }

  /** A store call whose failure ends the fan-out (see deliverEach) instead of counting as the platform's. */
  private async stored<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw new StoreFailure(err);
    }
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
   * and tallies how each ended; once stopped, the items not yet started are left alone. When one
   * fails (the store did), nothing more is started and, once those under way have ended, the error
   * is thrown: the caller must not take the items as handed out.
   */
  private async deliverEach<T>(
    items: readonly T[],
    outcomes: Record<ChannelOutcome, number>,
    deliver: (item: T) => Promise<ChannelOutcome>,
  ): Promise<void> {
    this.metrics.fanOutQueued(items.length);
    let failure: { error: unknown } | undefined;
    await eachLimit(items, this.concurrency, async (item) => {
      try {
        if (this.stopping || failure) return;
        const outcome = await deliver(item);
        outcomes[outcome]++;
        const counted = ALERT_OUTCOME[outcome];
        if (counted) this.metrics.alertsEnded(counted, 1);
      } catch (err) {
        failure ??= { error: err instanceof StoreFailure ? err.error : err };
      } finally {
        this.metrics.fanOutQueued(-1);
      }
    });
    if (failure) throw failure.error;
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
    await this.deliverEach(rotated(live, `${this.owner}|${item.key}`), outcomes, async (channel) => {
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
        leaseUntil: served ? this.lease().until : now,
      };
      return (await this.stored(() => this.options.store.claim(entry, now)))
        ? await this.attempt(item, entry, 1, false)
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
    itemFor: (row: Delivery) => { item: DeliveryItem } | { expired: string },
  ): Promise<FanOutReport> {
    // Rows of platforms this process does not serve belong to a process that does.
    const rows = (await this.options.store.unconfirmed(leaseEndedBy)).filter(
      (r) => this.options.senders[r.platform],
    );
    const outcomes = emptyOutcomes();
    await this.deliverEach(rows, outcomes, async (row) => {
      const now = this.now();
      if (!(await this.stored(() => this.options.store.retake(row, row.attempts, now, this.lease()))))
        return "already";
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
    const ref: DeliveryRef = { key: entry.key, platform: entry.platform, channelId: entry.channelId };
    const sender = this.options.senders[entry.platform];
    if (!sender) {
      // Another process (with that platform configured) may own this channel: leave the row for it.
      return "no_sender";
    }
    this.hold(ref);
    try {
      return await this.send(sender, item, entry, attempts, lookFirst, expired);
    } finally {
      this.letGo(ref);
    }
  }

  /** attempt's work on a row this process holds. */
  private async send(
    sender: Sender,
    item: DeliveryItem | undefined,
    entry: NewDelivery,
    attempts: number,
    lookFirst: boolean,
    expired: string | undefined,
  ): Promise<ChannelOutcome> {
    const { store } = this.options;
    const ref: DeliveryRef = { key: entry.key, platform: entry.platform, channelId: entry.channelId };
    const finish = (outcome: Outcome) => this.stored(() => store.finish(ref, outcome, this.now()));
    let look = lookFirst;
    let lastReason = "";
    for (let run = 1; ; run++) {
      try {
        if (look) {
          const found = await sender.findByMarker(entry.channelId, entry.marker);
          if (found) {
            const late = this.now().getTime() - entry.dueAt.getTime() > this.lateAfterMs;
            await finish({ state: late ? "sent_late" : "sent", messageId: found });
            this.log.info({ ...ref, messageId: found }, "delivery found in the channel; not resent");
            return "found";
          }
        }
        if (!item || expired !== undefined) {
          const reason = expired ?? "its item is no longer in the data";
          await finish({ state: "skipped", reason });
          this.log.warn({ ...ref, reason }, "unconfirmed delivery not resent");
          return "skipped";
        }
        if (attempts > this.maxAttempts) {
          const reason = `gave up after ${attempts - 1} attempts: ${lastReason || "unconfirmed"}`;
          await finish({ state: "failed", reason });
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
        await finish({ state: late ? "sent_late" : "sent", messageId });
        return late ? "sent_late" : "sent";
      } catch (err) {
        // The store failed (the row stays claimed; its lease ends and recovery settles it by marker).
        if (err instanceof StoreFailure) throw err;
        const failure = sender.classify(err);
        lastReason = failure.reason;
        if (failure.type === "gone") {
          const reason = `gone: ${failure.reason}`;
          this.gone.set(`${entry.platform}:${entry.channelId}`, this.now().getTime());
          await finish({ state: "failed", reason });
          await this.stored(() => store.deactivate(entry, reason, this.now()));
          this.log.warn(
            { platform: entry.platform, channelId: entry.channelId, reason },
            "channel gone: subscription deactivated",
          );
          return "gone";
        }
        if (failure.type === "rejected") {
          const reason = `rejected: ${failure.reason}`;
          await finish({ state: "failed", reason });
          this.log.error({ ...ref, reason, err: describe(err) }, "delivery rejected");
          return "failed";
        }
        if (run >= this.retry.attempts || attempts >= this.maxAttempts || this.stopping) {
          // Left claimed, its lease no longer renewed: once it ends, a later tick's (or another
          // process's) recovery looks for the marker and tries again, until maxAttempts.
          this.log.warn(
            { ...ref, reason: failure.reason, attempts },
            "delivery deferred after transient failures",
          );
          return "deferred";
        }
        const wait = Math.min(this.retry.maxMs, this.retry.baseMs * 2 ** (run - 1));
        await this.sleep(wait / 2 + Math.random() * (wait / 2));
        if (!(await this.stored(() => store.retake(ref, attempts, this.now(), this.lease()))))
          return "already";
        attempts++;
        look = !sender.idempotent;
      }
    }
  }
}
