/**
 * Who gets what: the reminders due in a window with the channels due each, and the channels a news
 * notice goes to: readers' channels only, never a curators' channel (kind `leads`). Pure but for the
 * ledger look-up of who was sent what (moved deadlines, corrections). The scheduler fans out what
 * these return; the desk previews them.
 */
import type { Dataset } from "../dataset/dataset.js";
import { ALL_STORIES, type ChannelRef, isReaders, type Store, type Subscription } from "../store/store.js";
import { type Alert, planAlerts } from "./plan.js";
import type { UpdateItem } from "./updates.js";

function wantsReminders(s: Subscription): boolean {
  return s.kind === "reminders" || s.kind === "all";
}

function wantsUpdates(s: Subscription): boolean {
  return s.kind === "updates" || s.kind === "all";
}

function follows(s: Subscription, storyId: string): boolean {
  return s.story === ALL_STORIES || s.story === storyId;
}

/** Each channel once, whichever of its subscriptions (one story, or every story) brought it. */
function uniqueChannels<T extends ChannelRef>(channels: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const c of channels) {
    const key = `${c.platform}:${c.channelId}`;
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}

/**
 * The reminders due in [from, to) with the channels due each: channels are grouped by their lead
 * times (a channel's own, or each deadline's), each group gets the alerts of the stories it follows,
 * and each channel gets an alert planned at or after it subscribed, once.
 */
export function dueAlerts(
  dataset: Dataset,
  subs: readonly Subscription[],
  window: { from: Date; to: Date },
  reminderHour: number,
): { alert: Alert; channels: Subscription[] }[] {
  const groups = new Map<string, Subscription[]>();
  for (const s of subs.filter(wantsReminders)) {
    const key = JSON.stringify(s.leadTimes ?? null);
    // Pushed in place: copying the group for each subscription is quadratic (100,000 channels).
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const byAlert = new Map<string, { alert: Alert; channels: Subscription[] }>();
  for (const group of groups.values()) {
    const leadTimes = group[0]?.leadTimes;
    const followed = group.some((s) => s.story === ALL_STORIES)
      ? dataset.stories
      : dataset.stories.filter((story) => group.some((s) => s.story === story.story.id));
    const alerts = planAlerts(
      dataset,
      window,
      { reminderHour, ...(leadTimes ? { leadTimes } : {}) },
      followed,
    );
    for (const alert of alerts) {
      const channels = group.filter(
        (s) => follows(s, alert.storyId) && alert.at.getTime() >= s.since.getTime(),
      );
      if (!channels.length) continue;
      const entry = byAlert.get(alert.id) ?? { alert, channels: [] };
      // Not push(...channels): spreading 100,000 arguments overflows the stack.
      entry.channels = entry.channels.concat(channels);
      byAlert.set(alert.id, entry);
    }
  }
  return [...byAlert.values()]
    .map((x) => ({ ...x, channels: uniqueChannels(x.channels) }))
    .sort((a, b) => a.alert.at.getTime() - b.alert.at.getTime());
}

/**
 * Who gets a notice: channels following its story that subscribed to updates by then; for a moved
 * deadline, the reminder channels following its story that were sent a reminder of it; for a
 * correction, the channels following its story that were sent the wrong value.
 */
export async function audienceOf(
  update: UpdateItem,
  subs: readonly Subscription[],
  store: Store,
  dueAt: Date,
): Promise<Subscription[]> {
  const following = subs.filter((s) => follows(s, update.storyId));
  if (update.audience === undefined || update.audience === "updates") {
    return uniqueChannels(following.filter((s) => wantsUpdates(s) && s.since.getTime() <= dueAt.getTime()));
  }
  const got =
    update.audience === "moved"
      ? await store.receivedBy(update.receivedPrefixes ?? [])
      : await store.receivedKeys(update.receivedKeys ?? []);
  const received = new Set(got.map((c) => `${c.platform}:${c.channelId}`));
  // A moved deadline concerns reminder channels; a correction, whoever was sent the wrong value and
  // is still a readers' channel (a curators' channel now gets leads only, whatever it was sent before).
  return uniqueChannels(
    following.filter(
      (s) =>
        (update.audience === "corrected" ? isReaders(s) : wantsReminders(s)) &&
        received.has(`${s.platform}:${s.channelId}`),
    ),
  );
}
