/**
 * The alerts and news notices as the deliverer takes them (DeliveryItem): built when the scheduler
 * plans them, or rebuilt from an unconfirmed ledger row after a crash, unless it is past sending.
 * Replies are worded when sent, from the dataset served then.
 */
import type { Settings } from "../config.js";
import type { Dataset } from "../dataset/dataset.js";
import type { DeliveryItem } from "../delivery/item.js";
import type { Delivery } from "../store/store.js";
import type { Clock } from "../time/clock.js";
import { alertReply, type Sending } from "./alert-reply.js";
import { type Alert, alertFor } from "./plan.js";
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

  /** What a thread an item of `storyId` starts is named after (a deadline's title, or its news of a month). */
  private topic(storyId: string, deadlineId: string | undefined, dueAt: Date): DeliveryItem["topic"] {
    const story = this.options.data.dataset.byId.get(storyId);
    if (!story) return undefined;
    const deadline = deadlineId ? story.tracks.deadlinesById.get(deadlineId)?.deadline.title : undefined;
    const month = dueAt.toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
    return { story: story.story.title, thread: deadline ?? `News, ${month}` };
  }

  reminderItem(alert: Alert): DeliveryItem {
    const topic = this.topic(alert.storyId, alert.deadlineId, alert.at);
    return {
      key: alert.id,
      kind: "reminder",
      dueAt: alert.at,
      summary: alert.text,
      ...(topic ? { topic } : {}),
      reply: (late) => alertReply(alert, this.options.data.dataset, this.sending(), late),
    };
  }

  updateItem(update: UpdateItem): DeliveryItem {
    // A moved deadline's notice goes in its deadline's thread (`story:deadline@…:moved`).
    const moved = update.audience === "moved" ? update.key.split(":")[1]?.split("@")[0] : undefined;
    const topic = this.topic(update.storyId, moved, new Date(update.at));
    return {
      ...(topic ? { topic } : {}),
      key: update.key,
      // A moved-deadline notice belongs with the reminders it corrects.
      kind: update.audience === "moved" ? "reminder" : "update",
      dueAt: new Date(update.at),
      summary: update.text,
      reply: (late) =>
        updateReply(update, this.options.data.dataset.byId.get(update.storyId), this.sending(), late),
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
    const [storyId, dueKey, lead] = row.key.split(":");
    const story = storyId ? dataset.byId.get(storyId) : undefined;
    const track = dueKey ? story?.tracks.deadlinesById.get(dueKey.split("@")[0] ?? "") : undefined;
    const version = track?.dues.entries.find((v) => v.key === dueKey);
    if (!story || !track || !version || !lead) return { expired: "its deadline is no longer in the data" };
    const alert = alertFor(story, track, version, lead, { reminderHour: this.options.settings.reminderHour });
    // Keep the planned instant the row was claimed for (the data may have moved the deadline since).
    return { item: this.reminderItem({ ...alert, at: row.dueAt }) };
  }
}
