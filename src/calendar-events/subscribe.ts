/**
 * What /subscribe kind:events and /subscriptions add for scheduled events: the refusals (no scheduled
 * events in this workspace, or the bot may not manage them), the pause cleared when a manager
 * subscribes again (the permission was granted), and the note that a server's events are paused.
 */
import type { Invocation } from "../command-engine/definition.js";
import { ENGLISH, type Words } from "../language/words.js";
import { errorIn } from "../reply/errors.js";
import { richT } from "../reply/phrases.js";
import type { Reply, Rich, Span } from "../reply/reply.js";
import type { Store, Subscription } from "../store/store.js";
import { formatInstant } from "../time/calendar.js";
import { pauseOf, resume } from "./pause.js";

type Where = Pick<Invocation, "platform" | "workspaceId" | "scheduledEvents">;

/** Why kind:events cannot be had here, if it cannot. */
export function eventsRefusal(invocation: Where, words: Words = ENGLISH): Reply | undefined {
  if (!invocation.scheduledEvents) return errorIn(words, "no-scheduled-events");
  if (!invocation.scheduledEvents.botMayManage) return errorIn(words, "events-permission");
  return undefined;
}

/** Subscribing again with the permission granted retries the server's events at once. */
export async function eventsResumed(store: Store, invocation: Where, at: Date): Promise<void> {
  await resume(store, invocation, at);
}

/** "Scheduled events paused: …" for a channel with an events subscription whose server is paused. */
export async function eventsNote(
  store: Store,
  active: readonly Subscription[],
  words: Words = ENGLISH,
): Promise<Rich | undefined> {
  const sub = active.find((s) => s.kind === "events");
  if (!sub) return undefined;
  const paused = await pauseOf(store, sub.platform, sub.workspaceId);
  if (!paused) return undefined;
  // The reason is the one recorded when the server refused (src/calendar-events/pause.ts), as it was said then.
  return richT(words, "subscriptions.events.paused", {
    reason: paused.reason,
    since: utcSpan(paused.since, words),
    retry: utcSpan(paused.retryAt, words),
  });
}

/** An instant the platform shows in the reader's zone; the fallback in UTC. */
function utcSpan(instant: Date, words: Words): Span {
  return {
    instant,
    style: "datetime",
    fallback: words.language === "en" ? formatInstant(instant, "UTC") : words.instant(instant, "UTC"),
  };
}
