/**
 * How a fan-out runs over its channels (or its unconfirmed rows): spread so that processes fanning one
 * item out together mostly start on different channels, at most so many at once, each channel's
 * outcome counted; when the store fails, nothing more is started and the fan-out fails once the
 * deliveries under way have ended.
 */
import { createHash } from "node:crypto";
import type { AlertOutcome, Metrics } from "../monitoring/metrics.js";

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

export function emptyOutcomes(): Record<ChannelOutcome, number> {
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

/** A store call failed: not the platform's doing, so never classified as a send failure. */
export class StoreFailure extends Error {
  constructor(readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/** A store call whose failure ends the fan-out (see deliverEach) instead of counting as the platform's. */
export async function stored<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw new StoreFailure(err);
  }
}

/**
 * `items` starting at a place of their own for this process and item, so that processes fanning one
 * item out together mostly claim different channels instead of racing for the same ones.
 */
export function rotated<T>(items: readonly T[], seed: string): T[] {
  if (items.length < 2) return [...items];
  const start = createHash("sha256").update(seed).digest().readUInt32BE(0) % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
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

export interface DeliverEachOptions {
  /** At most this many at once. */
  concurrency: number;
  metrics: Metrics;
  /** True once the deliverer is stopped: the items not yet started are left alone. */
  stopped(): boolean;
}

/**
 * Delivers each of `items` (at most `concurrency` at once, counted in the fan-out queue until done)
 * and tallies how each ended; once stopped, the items not yet started are left alone. When one
 * fails (the store did), nothing more is started and, once those under way have ended, the error
 * is thrown: the caller must not take the items as handed out.
 */
export async function deliverEach<T>(
  options: DeliverEachOptions,
  items: readonly T[],
  outcomes: Record<ChannelOutcome, number>,
  deliver: (item: T) => Promise<ChannelOutcome>,
): Promise<void> {
  const { metrics } = options;
  metrics.fanOutQueued(items.length);
  let failure: { error: unknown } | undefined;
  await eachLimit(items, options.concurrency, async (item) => {
    try {
      if (options.stopped() || failure) return;
      const outcome = await deliver(item);
      outcomes[outcome]++;
      const counted = ALERT_OUTCOME[outcome];
      if (counted) metrics.alertsEnded(counted, 1);
    } catch (err) {
      failure ??= { error: err instanceof StoreFailure ? err.error : err };
    } finally {
      metrics.fanOutQueued(-1);
    }
  });
  if (failure) throw failure.error;
}
