/**
 * What the channel commands (/subscribe, /unsubscribe, /subscriptions) are given, and the small
 * readings of it they and their ledger lines share: the reader's words, a story's zone, an instant.
 */
import type { PlanOptions } from "../alerts/plan.js";
import { defaultSettings, type Settings } from "../config.js";
import type { Dataset } from "../dataset/dataset.js";
import { ENGLISH, type Words } from "../language/words.js";
import type { Span } from "../reply/reply.js";
import type { Store, Subscription } from "../store/store.js";
import { formatInstant } from "../time/calendar.js";
import type { Clock } from "../time/clock.js";

export interface SubscriptionDeps {
  store: Store;
  dataset: Dataset;
  clock: Clock;
  settings?: Settings;
  /** The reader's words (English without): every sentence of the reply is written through them. */
  words?: Words;
}

/** The reader's words of a command's dependencies (English when none are given). */
export function wordsOf(deps: Pick<SubscriptionDeps, "words">): Words {
  return deps.words ?? ENGLISH;
}

/** The time zone a subscription's times are shown in: its story's, or the default story's. */
export function zoneOf(deps: Pick<SubscriptionDeps, "dataset">, story: string): string {
  return (deps.dataset.byId.get(story) ?? deps.dataset.defaultStory).story.timeZone;
}

/** An instant as a platform timestamp, with its fallback in `timeZone` in the reader's words. */
export function instantSpan(instant: Date, timeZone: string, words: Words): Span {
  const fallback =
    words.language === "en" ? formatInstant(instant, timeZone) : words.instant(instant, timeZone);
  return { instant, style: "datetime", fallback };
}

/** How a subscription's reminders are planned: the bot's reminder hour, the channel's own lead times. */
export function planOptions(
  deps: Pick<SubscriptionDeps, "settings">,
  sub?: Pick<Subscription, "leadTimes">,
): PlanOptions {
  return {
    reminderHour: (deps.settings ?? defaultSettings).reminderHour,
    ...(sub?.leadTimes ? { leadTimes: sub.leadTimes } : {}),
  };
}
