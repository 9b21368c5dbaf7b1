/**
 * How a row this process holds ends in the ledger (the store's `finish`), and what is logged: found in
 * the channel by its marker and not resent (sent, or sent_late by when it is found); not resent
 * because its item is past sending (skipped); given up after too many attempts, or refused by the
 * platform (failed); or its channel gone (failed, and the channel's subscriptions deactivated).
 */
import type { Logger } from "pino";
import type { DeliveryRef, NewDelivery, Outcome, Store } from "../store/store.js";
import { stored } from "./fan-out.js";
import { describe, type Failure, type Sender, type ThreadPlace } from "./sender.js";

export interface SettleContext {
  readonly store: Store;
  readonly log: Logger;
  now(): Date;
  /** Items sent (or found) more than this after they were due are marked late. */
  readonly lateAfterMs: number;
  /** Channels found gone in this process, and when (later items skip them; see Deliverer.fanOut). */
  readonly gone: Map<string, number>;
}

/** Ends the held row with `outcome` (a store failure ends the fan-out). */
export type Finish = (outcome: Outcome) => Promise<boolean>;

/**
 * Looks the row's marker up in the channel's (or its thread's) recent messages: when the message is there it is not
 * sent again, and the row ends as sent (or sent_late) with the message found. Undefined when it is not.
 */
export async function settleIfFound(
  ctx: SettleContext,
  sender: Sender,
  entry: NewDelivery,
  finish: Finish,
  place?: ThreadPlace,
): Promise<"found" | undefined> {
  const found = await sender.findByMarker(entry.channelId, entry.marker, place);
  if (!found) return undefined;
  const ref: DeliveryRef = { key: entry.key, platform: entry.platform, channelId: entry.channelId };
  const late = ctx.now().getTime() - entry.dueAt.getTime() > ctx.lateAfterMs;
  await finish({ state: late ? "sent_late" : "sent", messageId: found });
  ctx.log.info({ ...ref, messageId: found }, "delivery found in the channel; not resent");
  return "found";
}

/** Its item is past sending (expired, or gone from the data): recorded as skipped with `reason`. */
export async function settleSkipped(
  ctx: SettleContext,
  ref: DeliveryRef,
  reason: string,
  finish: Finish,
): Promise<"skipped"> {
  await finish({ state: "skipped", reason });
  ctx.log.warn({ ...ref, reason }, "unconfirmed delivery not resent");
  return "skipped";
}

/** Too many attempts (across runs and restarts): recorded as failed with `reason`. */
export async function settleGivenUp(
  ctx: SettleContext,
  ref: DeliveryRef,
  reason: string,
  finish: Finish,
): Promise<"failed"> {
  await finish({ state: "failed", reason });
  ctx.log.error({ ...ref, reason }, "delivery failed");
  return "failed";
}

/**
 * The platform says the channel is gone: the row fails, every subscription of the channel is
 * deactivated, and later items of this process skip the channel until it subscribes again.
 */
export async function settleGone(
  ctx: SettleContext,
  entry: NewDelivery,
  failure: Failure,
  finish: Finish,
): Promise<"gone"> {
  const reason = `gone: ${failure.reason}`;
  ctx.gone.set(`${entry.platform}:${entry.channelId}`, ctx.now().getTime());
  await finish({ state: "failed", reason });
  await stored(() => ctx.store.deactivate(entry, reason, ctx.now()));
  ctx.log.warn(
    { platform: entry.platform, channelId: entry.channelId, reason },
    "channel gone: subscription deactivated",
  );
  return "gone";
}

/** The platform refused the send for good (a bad payload, a bad token): recorded as failed, not retried. */
export async function settleRejected(
  ctx: SettleContext,
  ref: DeliveryRef,
  failure: Failure,
  err: unknown,
  finish: Finish,
): Promise<"failed"> {
  const reason = `rejected: ${failure.reason}`;
  await finish({ state: "failed", reason });
  ctx.log.error({ ...ref, reason, err: describe(err) }, "delivery rejected");
  return "failed";
}
