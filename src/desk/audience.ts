/**
 * What subscribed channels get: how many per platform, and the notices an edit would send now,
 * computed with the scheduler's own functions.
 */
import { audienceOf } from "../alerts/recipients.js";
import { storyNotices } from "../alerts/updates.js";
import type { Dataset, Story } from "../dataset/dataset.js";
import { ENGLISH, type Words } from "../language/words.js";
import { platforms } from "../platforms/index.js";
import type { PlatformName, Store } from "../store/store.js";

/** "2 Discord, 1 Slack channels" */
export function countsText(channels: readonly { platform: PlatformName }[], w: Words = ENGLISH): string {
  if (channels.length === 0) return w.t("desk.audience.none");
  const by = new Map<PlatformName, number>();
  for (const ch of channels) by.set(ch.platform, (by.get(ch.platform) ?? 0) + 1);
  const title = (name: PlatformName) => platforms.find((p) => p.name === name)?.title ?? name;
  const counts = [...by].map(([p, n]) => w.t("desk.audience.on", { count: n, platform: title(p) }));
  // English keeps its "2 Discord, 1 Slack channels"; the others list each platform's count in full.
  const list = w.language === "en" ? counts.join(", ") : w.list(counts);
  return w.t("desk.audience.channels", { list, count: channels.length });
}

export interface PendingNotice {
  title: string;
  text: string;
  counts: string;
}

/** The notices an edit would send now, with how many channels per platform would get each. */
export async function pendingNotices(
  store: Store,
  story: Story,
  next: Dataset,
  now: Date,
  w: Words = ENGLISH,
): Promise<PendingNotice[]> {
  const known = new Set(storyNotices(story).map((n) => n.key));
  const edited = next.byId.get(story.story.id);
  if (!edited) return [];
  const subs = await store.activeSubscriptions();
  const fresh = storyNotices(edited).filter((n) => !known.has(n.key) && n.visibleFrom <= now.getTime());
  return Promise.all(
    fresh.map(async (n) => {
      const item = { ...n.item(), at: now.toISOString() };
      const channels = await audienceOf(item, subs, store, now);
      const title = w.t(`desk.audience.notice.${item.audience ?? "updates"}` as const);
      return { title, text: item.text, counts: countsText(channels, w) };
    }),
  );
}
