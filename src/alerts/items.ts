/**
 * The alerts and news notices as the deliverer takes them (DeliveryItem): built when the scheduler
 * plans them, or rebuilt from an unconfirmed ledger row after a crash, unless it is past sending.
 * Replies are worded when sent, from the dataset served then.
 */
import type { Settings } from "../config.js";
import type { Dataset } from "../dataset/dataset.js";
import { type DeliveryItem, type Topic, wordedOnce } from "../delivery/item.js";
import type { Language } from "../language/languages.js";
import { type Words, wordsFor } from "../language/words.js";
import type { Delivery } from "../store/store.js";
import type { Clock } from "../time/clock.js";
import { alertReply, type Sending } from "./alert-reply.js";
import { type Alert, alertOfKey } from "./plan.js";
import { findNotice, type UpdateItem, updateReply } from "./updates.js";

const HOUR = 3_600_000;

/** `6 h`, `1.5 h`. */
export function hoursText(ms: number): string {
  const h = ms / HOUR;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

export interface ItemOptions {
  /** The dataset served right now (a LiveDataset). */
  data: { readonly dataset: Dataset };
  clock: Clock;
  settings: Settings;
  /** Rows missed by more than this are past sending. */
  graceMs: number;
}

export class AlertItems {
  constructor(private readonly options: ItemOptions) {}

  private sending(): Sending {
    return { now: this.options.clock.now(), settings: this.options.settings };
  }

  /**
   * What a thread an item of `storyId` starts is named after, in `words`: a deadline's title, or its
   * story's news of a month.
   */
  private topic(
    storyId: string,
    deadlineId: string | undefined,
    dueAt: Date,
    words: Words = wordsFor("en"),
  ): Topic | undefined {
    const story = this.options.data.dataset.byId.get(storyId);
    if (!story) return undefined;
    const deadline = deadlineId ? story.tracks.deadlinesById.get(deadlineId)?.deadline.title : undefined;
    if (deadline) return { story: story.story.title, thread: deadline };
    const month = dueAt.toLocaleString(words.locale, { month: "long", year: "numeric", timeZone: "UTC" });
    return { story: story.story.title, thread: words.t("threads.news", { month }) };
  }

  /** The alert in a channel's words: reworded from the data when it is still there, else as planned. */
  private alertIn(alert: Alert, words: Words): Alert {
    if (words.language === "en") return alert;
    const options = { reminderHour: this.options.settings.reminderHour };
    const worded = alertOfKey(this.options.data.dataset, alert.id, options, words);
    return worded ? { ...alert, text: worded.text } : alert;
  }

  reminderItem(alert: Alert): DeliveryItem {
    const topic = this.topic(alert.storyId, alert.deadlineId, alert.at);
    return {
      key: alert.id,
      kind: "reminder",
      dueAt: alert.at,
      summary: alert.text,
      ...(topic ? { topic } : {}),
      topicIn: (language: Language) =>
        this.topic(alert.storyId, alert.deadlineId, alert.at, wordsFor(language)),
      reply: wordedOnce((late, words) =>
        alertReply(this.alertIn(alert, words), this.options.data.dataset, this.sending(), late, words),
      ),
    };
  }

  updateItem(update: UpdateItem): DeliveryItem {
    // A moved deadline's notice goes in its deadline's thread (`story:deadline@…:moved`).
    const moved = update.audience === "moved" ? update.key.split(":")[1]?.split("@")[0] : undefined;
    const topic = this.topic(update.storyId, moved, new Date(update.at));
    return {
      ...(topic ? { topic } : {}),
      topicIn: (language: Language) =>
        this.topic(update.storyId, moved, new Date(update.at), wordsFor(language)),
      key: update.key,
      // A moved-deadline notice belongs with the reminders it corrects.
      kind: update.audience === "moved" ? "reminder" : "update",
      dueAt: new Date(update.at),
      summary: update.text,
      reply: wordedOnce((late, words) =>
        updateReply(update, this.options.data.dataset.byId.get(update.storyId), this.sending(), late, words),
      ),
    };
  }

  /** Rebuilds the item of an unconfirmed ledger row, or says why it is past sending. */
  itemFor(row: Delivery, now: Date): { item: DeliveryItem } | { expired: string } {
    const { graceMs } = this.options;
    const missedBy = now.getTime() - row.dueAt.getTime();
    if (missedBy > graceMs) {
      return {
        expired: `unconfirmed and missed by ${hoursText(missedBy)}, more than the ${hoursText(graceMs)} grace period`,
      };
    }
    const dataset = this.options.data.dataset;
    if (row.kind === "update" || row.key.endsWith(":moved")) {
      const notice = findNotice(dataset, row.key);
      if (!notice) return { expired: "its update is no longer in the data" };
      return { item: this.updateItem({ ...notice.item(), at: row.dueAt.toISOString() }) };
    }
    const alert = alertOfKey(dataset, row.key, { reminderHour: this.options.settings.reminderHour });
    if (!alert) return { expired: "its deadline is no longer in the data" };
    // Keep the planned instant the row was claimed for (the data may have moved the deadline since).
    return { item: this.reminderItem({ ...alert, at: row.dueAt }) };
  }
}
