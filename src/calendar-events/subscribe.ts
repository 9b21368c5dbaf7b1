/**
 * What /subscribe kind:events and /subscriptions add for scheduled events: the refusals (no scheduled
 * events in this workspace, or the bot may not manage them), the pause cleared when a manager
 * subscribes again (the permission was granted), and the note that a server's events are paused.
 */
import type { Invocation } from "../command-engine/definition.js";
import { errorReply } from "../reply/errors.js";
import type { Reply, Rich } from "../reply/reply.js";
import type { Store, Subscription } from "../store/store.js";
import { formatInstant } from "../time/calendar.js";
import { pauseOf, resume } from "./pause.js";

type Where = Pick<Invocation, "platform" | "workspaceId" | "scheduledEvents">;

/** Why kind:events cannot be had here, if it cannot. */
export function eventsRefusal(invocation: Where): Reply | undefined {
  if (!invocation.scheduledEvents) return errorReply("no-scheduled-events");
  if (!invocation.scheduledEvents.botMayManage) return errorReply("events-permission");
  return undefined;
}

/** Subscribing again with the permission granted retries the server's events at once. */
export async function eventsResumed(store: Store, invocation: Where, at: Date): Promise<void> {
  await resume(store, invocation, at);
}

/** "Scheduled events paused: …" for a channel with an events subscription whose server is paused. */
export async function eventsNote(store: Store, active: readonly Subscription[]): Promise<Rich | undefined> {
  const sub = active.find((s) => s.kind === "events");
  if (!sub) return undefined;
  const paused = await pauseOf(store, sub.platform, sub.workspaceId);
  if (!paused) return undefined;
  return [
    `Scheduled events paused: ${paused.reason}, since `,
    { instant: paused.since, style: "datetime", fallback: formatInstant(paused.since, "UTC") },
    "; the bot tries again at ",
    { instant: paused.retryAt, style: "datetime", fallback: formatInstant(paused.retryAt, "UTC") },
    " (or at once after /subscribe kind:events).",
  ];
}
