/**
 * Sending one row this process holds (just claimed, or retaken): when the message may already be in
 * the channel (recovery, or a retry on a platform whose resends are not idempotent) its marker is
 * looked up first; then the reply is sent, marked late when late. Transient failures are retried with
 * exponential backoff a bounded number of times, the row retaken before each retry; after that the
 * row is left claimed (deferred) for a later recovery. How the row ends is settle.ts's.
 */
import type { Language } from "../language/languages.js";
import { type Words, wordsFor } from "../language/words.js";
import type { DeliveryRef, Lease, NewDelivery, Outcome } from "../store/store.js";
import { type ChannelOutcome, StoreFailure, stored } from "./fan-out.js";
import type { DeliveryItem } from "./item.js";
import type { Failure, Sender } from "./sender.js";
import {
  type SettleContext,
  settleGivenUp,
  settleGone,
  settleIfFound,
  settleRejected,
  settleSkipped,
} from "./settle.js";
import { type Placed, ThreadPending, type ThreadRouter } from "./threads.js";

export interface RetryPolicy {
  /** Attempts per delivery run, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export interface SendContext extends SettleContext {
  readonly retry: RetryPolicy;
  /** Ledger rows that reach this many attempts (across runs and restarts) are given up. */
  readonly maxAttempts: number;
  /** Says how late an item is, for its reply, in the channel's words. */
  lateText(dueAt: Date, now: Date, words: Words): string;
  /** Waits between retries. */
  sleep(ms: number): Promise<void>;
  /** This process's claim from now on. */
  lease(): Lease;
  /** True once the deliverer is stopped: nothing more is retried. */
  stopped(): boolean;
  /** Which thread each row goes in, for channels that asked for threads (none: every row in its channel). */
  readonly threads?: ThreadRouter | undefined;
}

/** The row's thread (see threads.ts): a store failure ends the fan-out; a thread not started yet is retried. */
async function placeOf(
  ctx: SendContext,
  entry: NewDelivery,
  item: DeliveryItem | undefined,
  language: Language | undefined,
): Promise<Placed | undefined> {
  const { threads } = ctx;
  if (!threads) return undefined;
  try {
    return await threads.placeFor(entry, item, language);
  } catch (err) {
    throw err instanceof ThreadPending ? err : new StoreFailure(err);
  }
}

function classified(sender: Sender, err: unknown): Failure {
  return err instanceof ThreadPending ? { type: "transient", reason: err.message } : sender.classify(err);
}

/**
 * Sends the held row `entry` (its `attempts` so far), retrying transient failures. `lookFirst`: the
 * message may already be in the channel, so look for its marker before sending. Without `item`, or
 * with `expired`, the row is only settled: found by its marker, else skipped. The reply is written in
 * the channel's `language` (English when absent); the row and its marker are the same in every language.
 */
export async function sendHeld(
  ctx: SendContext,
  sender: Sender,
  item: DeliveryItem | undefined,
  entry: NewDelivery,
  attempts: number,
  lookFirst: boolean,
  expired: string | undefined,
  language?: Language,
): Promise<ChannelOutcome> {
  const { store } = ctx;
  const ref: DeliveryRef = { key: entry.key, platform: entry.platform, channelId: entry.channelId };
  const finish = (outcome: Outcome) => stored(() => store.finish(ref, outcome, ctx.now()));
  let look = lookFirst;
  let lastReason = "";
  for (let run = 1; ; run++) {
    let placed: Placed | undefined;
    try {
      placed = await placeOf(ctx, entry, expired === undefined ? item : undefined, language);
      if (look) {
        const found = await settleIfFound(ctx, sender, entry, finish, placed?.place);
        if (found) return found;
      }
      if (!item || expired !== undefined)
        return await settleSkipped(ctx, ref, expired ?? "its item is no longer in the data", finish);
      if (attempts > ctx.maxAttempts) {
        const reason = `gave up after ${attempts - 1} attempts: ${lastReason || "unconfirmed"}`;
        return await settleGivenUp(ctx, ref, reason, finish);
      }
      const sentAt = ctx.now();
      const late = sentAt.getTime() - item.dueAt.getTime() > ctx.lateAfterMs;
      const { messageId } = await sender.send(
        entry.channelId,
        item.reply(late ? ctx.lateText(item.dueAt, sentAt, wordsFor(language ?? "en")) : undefined, language),
        entry.marker,
        placed?.place,
      );
      await finish({ state: late ? "sent_late" : "sent", messageId });
      const starting = placed;
      if (starting) await stored(() => ctx.threads?.started(entry, starting, messageId) ?? Promise.resolve());
      return late ? "sent_late" : "sent";
    } catch (err) {
      // The store failed (the row stays claimed; its lease ends and recovery settles it by marker).
      if (err instanceof StoreFailure) throw err;
      const failure = classified(sender, err);
      lastReason = failure.reason;
      // Its thread is gone (deleted, or archived for good): the retry starts a new one.
      const lost = failure.threadGone ? placed : undefined;
      if (lost) await stored(() => ctx.threads?.gone(lost) ?? Promise.resolve());
      if (failure.type === "gone") return await settleGone(ctx, entry, failure, finish);
      if (failure.type === "rejected") return await settleRejected(ctx, ref, failure, err, finish);
      if (run >= ctx.retry.attempts || attempts >= ctx.maxAttempts || ctx.stopped()) {
        // Left claimed, its lease no longer renewed: once it ends, a later tick's (or another
        // process's) recovery looks for the marker and tries again, until maxAttempts.
        ctx.log.warn(
          { ...ref, reason: failure.reason, attempts },
          "delivery deferred after transient failures",
        );
        return "deferred";
      }
      const wait = Math.min(ctx.retry.maxMs, ctx.retry.baseMs * 2 ** (run - 1));
      await ctx.sleep(wait / 2 + Math.random() * (wait / 2));
      if (!(await stored(() => store.retake(ref, attempts, ctx.now(), ctx.lease())))) return "already";
      attempts++;
      look = !sender.idempotent;
    }
  }
}
