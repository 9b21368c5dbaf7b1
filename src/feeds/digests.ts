/**
 * The digest round the scheduler runs on each tick: for each story with a curators' channel (an
 * active `leads` subscription), the leads found in each fixed window closed since the last round (see
 * digest.ts) → one digest per window with leads, fanned out through the delivery ledger with the key
 * `leads:<story>:<window end>`, so it goes once across ticks, restarts and processes, and only to the
 * story's curators' channels: never to a channel without a leads subscription of that story.
 *
 * The windows done are remembered as one watermark (`digest.until`, moved forward only, through the
 * store's `updateState`); after downtime the windows missed by less than the grace period are sent
 * (late), older ones are recorded as skipped. A claim left unconfirmed by a crash is rebuilt from its
 * key (`itemFor`): the same window, the same leads, to a channel still the story's curators' channel.
 */
import type { Logger } from "pino";
import type { DigestRound } from "../alerts/scheduler.js";
import type { Dataset } from "../dataset/dataset.js";
import type { Deliverer } from "../delivery/deliver.js";
import { type DeliveryItem, wordedOnce } from "../delivery/item.js";
import { markerFor } from "../delivery/marker.js";
import type { Delivery, Store, Subscription } from "../store/store.js";
import {
  type DigestWindow,
  digestKey,
  digestReply,
  digestSummary,
  parseDigestKey,
  windowAt,
  windowEnding,
} from "./digest.js";

const DAY = 86_400_000;
/** At most this many windows are looked at in one round (after a long downtime with a short interval). */
const MAX_WINDOWS = 200;

/** The state value: ISO instant, the end of the last window whose digests were handed out. */
export const DIGEST_STATE = "digest.until";

export interface DigestOptions {
  store: Store;
  /** The dataset served right now (a LiveDataset). */
  data: { readonly dataset: Dataset };
  log: Logger;
  deliverer: Deliverer;
  /** DIGEST_INTERVAL: the windows' length. */
  intervalMs: number;
  /** DESK_PUBLIC_URL; undefined: digests say the desk's address is not configured. */
  deskUrl: string | undefined;
  /** Windows that ended longer ago than this are skipped, not sent. */
  graceMs: number;
}

export interface DigestReport {
  /** Windows looked at in this round. */
  windows: number;
  /** Digests (story × window) with leads. */
  digests: number;
  sent: number;
  skipped: number;
}

export class Digests implements DigestRound {
  constructor(private readonly options: DigestOptions) {}

  /** The windows closed since the watermark (those of the grace period and the day before it, one at least). */
  private async windowsDue(now: Date): Promise<DigestWindow[]> {
    const { intervalMs, graceMs } = this.options;
    const last = windowAt(now, intervalMs);
    const stored = await this.options.store.getState(DIGEST_STATE);
    const done = stored ? new Date(stored).getTime() : last.end.getTime() - intervalMs;
    // Windows within the grace period are sent; those of the day before it are recorded as skipped.
    const most = Math.min(MAX_WINDOWS, Math.ceil((graceMs + DAY) / intervalMs) + 1);
    const windows: DigestWindow[] = [];
    for (let end = last.end.getTime(); end > done && windows.length < most; end -= intervalMs) {
      windows.unshift(windowEnding(new Date(end), intervalMs));
    }
    return windows;
  }

  /** One round: each due window's digest to each story's curators' channels, then the watermark. */
  async tick(now: Date): Promise<DigestReport> {
    const report: DigestReport = { windows: 0, digests: 0, sent: 0, skipped: 0 };
    const windows = await this.windowsDue(now);
    report.windows = windows.length;
    if (!windows.length) return report;
    const byStory = curatorsByStory(await this.options.store.activeSubscriptions());
    for (const window of windows) {
      for (const [story, channels] of byStory) {
        if (this.options.deliverer.stopped) return report;
        // A channel made the curators' channel after the window closed gets nothing of it.
        const due = channels.filter((c) => c.since.getTime() <= window.end.getTime());
        const item = due.length ? await this.item(story, window) : undefined;
        if (!item) continue;
        report.digests++;
        const missedBy = now.getTime() - window.end.getTime();
        if (missedBy > this.options.graceMs) {
          report.skipped += await this.skip(item, due, now);
          continue;
        }
        const fan = await this.options.deliverer.fanOut(item, due);
        report.sent += fan.outcomes.sent + fan.outcomes.sent_late;
      }
    }
    if (!this.options.deliverer.stopped) await this.advance(windows.at(-1)?.end ?? now, now);
    return report;
  }

  /** The digest of a story's window, or undefined when no lead was found in it. */
  private async item(story: string, window: DigestWindow): Promise<DeliveryItem | undefined> {
    const leads = await this.options.store.leadsFoundBetween(story, window.start, window.end);
    if (!leads.length) return undefined;
    const title = () => this.options.data.dataset.byId.get(story)?.story.title ?? story;
    return {
      key: digestKey(story, window),
      kind: "digest",
      dueAt: window.end,
      summary: digestSummary(leads.length, title()),
      reply: wordedOnce((late, words) =>
        digestReply({
          storyId: story,
          storyTitle: title(),
          leads,
          deskUrl: this.options.deskUrl,
          late,
          words,
        }),
      ),
    };
  }

  /**
   * Rebuilds the digest of an unconfirmed ledger row, or says why it is past sending: missed by more
   * than the grace period, its channel no longer the story's curators' channel, or no leads any more.
   */
  async itemFor(row: Delivery, now: Date): Promise<{ item: DeliveryItem } | { expired: string }> {
    const parsed = parseDigestKey(row.key);
    if (!parsed) return { expired: "not a digest's key" };
    if (now.getTime() - parsed.end.getTime() > this.options.graceMs) {
      return { expired: "unconfirmed and missed by more than the grace period" };
    }
    const sub = await this.options.store.subscription({ ...row, story: parsed.story });
    if (!sub?.active || sub.kind !== "leads")
      return { expired: "the channel is no longer a curators' channel" };
    const item = await this.item(parsed.story, windowEnding(parsed.end, this.options.intervalMs));
    return item ? { item } : { expired: "its leads are no longer in the store" };
  }

  private async skip(item: DeliveryItem, channels: readonly Subscription[], now: Date): Promise<number> {
    const reason = "missed by more than the grace period (the bot was not running)";
    let recorded = 0;
    for (const c of channels) {
      const entry = {
        key: item.key,
        platform: c.platform,
        channelId: c.channelId,
        kind: item.kind,
        dueAt: item.dueAt,
        marker: markerFor(item.key),
        summary: item.summary,
      };
      if (await this.options.store.skip(entry, reason, now)) recorded++;
    }
    if (recorded) this.options.log.warn({ key: item.key, channels: recorded, reason }, "digest skipped");
    return recorded;
  }

  /** Moves the watermark to `end` unless another process has moved it further. */
  private async advance(end: Date, now: Date): Promise<void> {
    await this.options.store.updateState(
      [DIGEST_STATE],
      (values) => {
        const stored = values.get(DIGEST_STATE);
        const further = stored !== undefined && new Date(stored).getTime() >= end.getTime();
        const set: Record<string, string> = further ? {} : { [DIGEST_STATE]: end.toISOString() };
        return { set, result: undefined };
      },
      now,
    );
  }
}

/** The active curators' channels, by story. */
function curatorsByStory(subs: readonly Subscription[]): Map<string, Subscription[]> {
  const out = new Map<string, Subscription[]>();
  for (const s of subs) {
    if (s.kind !== "leads") continue;
    out.set(s.story, [...(out.get(s.story) ?? []), s]);
  }
  return out;
}
