/**
 * The alert scheduler. A node-cron job (every minute, in the default story's zone) calls `tick()`,
 * which does everything from the injected Clock and the store — never from cron's own notion of now —
 * so `start --clock 2025-02-27T…` fires the February 2025 reminders live, tests drive `tick()` with a
 * ManualClock, and a restart continues where the last run stopped:
 *
 * 1. settle deliveries left unconfirmed whose lease has ended (on a store for one process, SQLite,
 *    the first tick after a start ends every lease first: the process that held them died), looking
 *    each one up by its marker before any resend;
 * 2. plan the alerts due between the persisted watermark and now, per group of subscriptions sharing
 *    lead times, each channel only those due at or after it subscribed;
 * 3. send those missed by less than the grace period (marked late when late), record older ones as
 *    skipped with the reason (and one log line per alert) — never a burst of stale reminders;
 * 4. deliver pending news updates (found by `dataReloaded` on each data reload) the same way;
 * 5. advance the watermark (only now: a crash mid-tick re-plans the window, the ledger de-duplicates).
 *
 * Any number of processes may run it on one PostgreSQL store: each runs every tick in full, the
 * ledger's claims share the channels out between them, and the state they keep (the watermark, the
 * news already known, the news pending) only changes through the store's `updateState`, one process at
 * a time: the watermark only moves forward, news is queued once, and a pending notice is struck off
 * by key once a process has fanned it out.
 */
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { Settings } from "../config.js";
import type { Dataset } from "../dataset/dataset.js";
import { type Deliverer, type DeliveryItem, eachLimit, type FanOutReport } from "../delivery/deliver.js";
import { markerFor } from "../delivery/marker.js";
import type { Metrics } from "../metrics/metrics.js";
import {
  ALL_STORIES,
  type ChannelRef,
  type Delivery,
  type NewDelivery,
  type Store,
  type Subscription,
  servesOneProcess,
} from "../store/store.js";
import type { Clock } from "../time/clock.js";
import { alertReply, type Sending } from "./alert-reply.js";
import { type Alert, alertFor, planAlerts } from "./plan.js";
import { findNews, findNotice, type NewsMemory, type UpdateItem, updateReply } from "./updates.js";

export const STATE = {
  /** ISO instant: alerts due before it have been planned. */
  plannedUntil: "scheduler.plannedUntil",
  /** JSON array of notice keys (events, figure values, moved deadlines) already handled. */
  knownUpdates: "updates.known",
  /** JSON array of story ids already seen: a story new to it is never news for its past. */
  knownStories: "stories.known",
  /** JSON array of UpdateItem not yet fanned out. */
  pendingUpdates: "updates.pending",
} as const;

export interface SchedulerOptions {
  store: Store;
  /** The dataset served right now (a LiveDataset). */
  data: { readonly dataset: Dataset };
  clock: Clock;
  log: Logger;
  deliverer: Deliverer;
  settings: Settings;
  /** Alerts missed by less than this are still sent (late); older ones are skipped. Default 6 h. */
  graceMs?: number;
  /** node-cron expression. Default every minute. */
  cron?: string;
  /** The cron job's zone. Default the default story's. */
  timeZone?: string;
  /** Counts alerts skipped after downtime (default: nothing; the deliverer counts the rest). */
  metrics?: Metrics;
}

export interface TickReport {
  from: Date;
  to: Date;
  /** Alerts due in the window for at least one channel. */
  alerts: number;
  sent: number;
  late: number;
  skipped: number;
  updates: number;
  recovered: number;
}

const HOUR = 3_600_000;

function parsePending(raw: string | undefined): UpdateItem[] {
  return raw ? (JSON.parse(raw) as UpdateItem[]) : [];
}

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

function hoursText(ms: number): string {
  const h = ms / HOUR;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

export class Scheduler {
  private readonly graceMs: number;
  private chain: Promise<unknown> = Promise.resolve();
  private ticked = false;
  private task: ScheduledTask | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.graceMs = options.graceMs ?? 6 * HOUR;
  }

  private get log(): Logger {
    return this.options.log;
  }

  private sending(): Sending {
    return { now: this.options.clock.now(), settings: this.options.settings };
  }

  /** Runs `job` after every job queued before it (ticks and reloads never interleave). */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.chain.then(job, job);
    this.chain = run.catch(() => {});
    return run;
  }

  /** Resolves when every queued tick and reload has finished. */
  idle(): Promise<void> {
    return this.chain.then(() => {});
  }

  /** Starts the cron job and runs a first tick at once (recovery should not wait a minute). */
  start(): void {
    if (this.task) return;
    const timezone = this.options.timeZone ?? this.options.data.dataset.defaultStory.story.timeZone;
    this.task = cron.schedule(this.options.cron ?? "* * * * *", () => this.safeTick(), {
      timezone,
      name: "ceasefire-alerts",
      noOverlap: true,
    });
    void this.safeTick();
  }

  /**
   * Stops the cron job and the deliverer (sends in flight finish; nothing more is claimed) and waits
   * for the tick under way. A tick cut short this way leaves the watermark and the pending updates as
   * they were, so the next run plans that window again and the ledger skips what was delivered.
   */
  async stop(): Promise<void> {
    this.options.deliverer.stop();
    await this.task?.destroy();
    this.task = undefined;
    await this.idle();
  }

  /** Subscribes to a live dataset's reloads: what an edit adds becomes news. */
  listen(live: { onReload(listener: (next: Dataset, previous: Dataset) => void): void }): void {
    live.onReload((next, previous) => {
      void this.dataReloaded(next, previous).catch((err) =>
        this.log.error({ err }, "update delivery failed"),
      );
    });
  }

  private async safeTick(): Promise<void> {
    try {
      await this.tick();
    } catch (err) {
      this.log.error({ err }, "alert tick failed");
    }
  }

  tick(): Promise<TickReport> {
    return this.serial(() => this.runTick());
  }

  /** Finds what an edit added and delivers it. */
  dataReloaded(next: Dataset, _previous?: Dataset): Promise<number> {
    return this.serial(async () => {
      const now = this.options.clock.now();
      const added = await this.syncUpdates(next, now);
      await this.deliverPending(now);
      return added;
    });
  }

  /**
   * Queues the notices that became news (see `findNews`) and remembers what was handled, in one step
   * of the store's: a notice that two processes find at once is queued once.
   */
  private async syncUpdates(next: Dataset, now: Date): Promise<number> {
    const fresh = await this.options.store.updateState(
      [STATE.knownUpdates, STATE.knownStories, STATE.plannedUntil, STATE.pendingUpdates],
      (values) => {
        const known = values.get(STATE.knownUpdates);
        const stories = values.get(STATE.knownStories);
        const planned = values.get(STATE.plannedUntil);
        const memory: NewsMemory = {
          known: new Set(known ? (JSON.parse(known) as string[]) : []),
          // A store from before stories were remembered had seen every story it holds notices of.
          stories: new Set(
            stories ? (JSON.parse(stories) as string[]) : known ? next.stories.map((s) => s.story.id) : [],
          ),
        };
        const sizes = [memory.known.size, memory.stories.size];
        const watermark = planned ? new Date(planned).getTime() : now.getTime();
        const found = findNews(next, memory, watermark, now.getTime());
        const set: Record<string, string> = {};
        if (found.length)
          set[STATE.pendingUpdates] = JSON.stringify([
            ...parsePending(values.get(STATE.pendingUpdates)),
            ...found,
          ]);
        if (!known || memory.known.size !== sizes[0])
          set[STATE.knownUpdates] = JSON.stringify([...memory.known]);
        if (!stories || memory.stories.size !== sizes[1])
          set[STATE.knownStories] = JSON.stringify([...memory.stories]);
        return { set, result: found };
      },
      now,
    );
    if (fresh.length) this.log.info({ updates: fresh.map((u) => u.key) }, "news queued");
    return fresh.length;
  }

  private async pending(): Promise<UpdateItem[]> {
    return parsePending(await this.options.store.getState(STATE.pendingUpdates));
  }

  /** Strikes the notices fanned out (by key: other processes may have queued more meanwhile) off the list. */
  private async strikeOff(done: readonly UpdateItem[], now: Date): Promise<void> {
    const keys = new Set(done.map((u) => u.key));
    await this.options.store.updateState(
      [STATE.pendingUpdates],
      (values) => ({
        set: {
          [STATE.pendingUpdates]: JSON.stringify(
            parsePending(values.get(STATE.pendingUpdates)).filter((u) => !keys.has(u.key)),
          ),
        },
        result: undefined,
      }),
      now,
    );
  }

  /** Moves the watermark to `to` unless another process has already moved it further. */
  private async advance(to: Date, now: Date): Promise<void> {
    await this.options.store.updateState(
      [STATE.plannedUntil],
      (values) => {
        const stored = values.get(STATE.plannedUntil);
        const further = stored !== undefined && new Date(stored).getTime() >= to.getTime();
        const set: Record<string, string> = further ? {} : { [STATE.plannedUntil]: to.toISOString() };
        return { set, result: undefined };
      },
      now,
    );
  }

  private async runTick(): Promise<TickReport> {
    const { store, clock, deliverer, data } = this.options;
    const now = clock.now();
    const report: TickReport = {
      from: now,
      to: now,
      alerts: 0,
      sent: 0,
      late: 0,
      skipped: 0,
      updates: 0,
      recovered: 0,
    };

    if (!this.ticked && servesOneProcess(store)) {
      const ended = await store.endLeases(now);
      if (ended) this.log.warn({ rows: ended }, "claims of the previous run ended: settling them");
    }
    this.ticked = true;
    const recovered = await deliverer.recover(now, (row) => this.itemFor(row, now));
    report.recovered = recovered.channels;

    const stored = await store.getState(STATE.plannedUntil);
    let from = stored ? new Date(stored) : new Date(now.getTime() - this.graceMs);
    if (from.getTime() > now.getTime() + 60_000) {
      this.log.warn(
        { plannedUntil: from, now },
        "the clock is behind the last planned instant; planning from the grace period",
      );
      from = new Date(now.getTime() - this.graceMs);
    }
    const to = new Date(now.getTime() + 1);
    report.from = from;
    report.to = to;

    const due = this.plan(await store.activeSubscriptions(), from, to);
    report.alerts = due.length;
    for (const { alert, channels } of due) {
      if (deliverer.stopped) break;
      const item = this.reminderItem(alert);
      const missedBy = now.getTime() - alert.at.getTime();
      if (missedBy > this.graceMs) {
        report.skipped += await this.skipAll(item, channels, missedBy, now);
        continue;
      }
      this.count(report, await deliverer.fanOut(item, channels));
    }

    await this.syncUpdates(data.dataset, now);
    report.updates = await this.deliverPending(now, report);
    if (deliverer.stopped) return report;
    await this.advance(to, now);
    return report;
  }

  private plan(subs: Subscription[], from: Date, to: Date): { alert: Alert; channels: Subscription[] }[] {
    return dueAlerts(this.options.data.dataset, subs, { from, to }, this.options.settings.reminderHour);
  }

  private reminderItem(alert: Alert): DeliveryItem {
    return {
      key: alert.id,
      kind: "reminder",
      dueAt: alert.at,
      summary: alert.text,
      reply: (late) => alertReply(alert, this.options.data.dataset, this.sending(), late),
    };
  }

  private updateItem(update: UpdateItem): DeliveryItem {
    return {
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
  private itemFor(row: Delivery, now: Date): { item: DeliveryItem } | { expired: string } {
    const missedBy = now.getTime() - row.dueAt.getTime();
    if (missedBy > this.graceMs) {
      return {
        expired: `unconfirmed and missed by ${hoursText(missedBy)}, more than the ${hoursText(this.graceMs)} grace period`,
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

  /** Records an item as skipped for every channel that lacks it; one log line for all of them. */
  private async skipAll(
    item: DeliveryItem,
    channels: Subscription[],
    missedBy: number,
    now: Date,
  ): Promise<number> {
    const reason = `missed by ${hoursText(missedBy)}, more than the ${hoursText(this.graceMs)} grace period (the bot was not running)`;
    let recorded = 0;
    const marker = markerFor(item.key);
    await eachLimit(channels, 32, async (c) => {
      const entry: NewDelivery = {
        key: item.key,
        platform: c.platform,
        channelId: c.channelId,
        kind: item.kind,
        dueAt: item.dueAt,
        marker,
        summary: item.summary,
      };
      if (await this.options.store.skip(entry, reason, now)) recorded++;
    });
    this.options.metrics?.alertsEnded("skipped", recorded);
    if (recorded)
      this.log.warn({ key: item.key, dueAt: item.dueAt, channels: recorded, reason }, "alert skipped");
    return recorded;
  }

  private async deliverPending(now: Date, report?: TickReport): Promise<number> {
    const pending = await this.pending();
    if (!pending.length) return 0;
    const subs = await this.options.store.activeSubscriptions();
    for (const update of pending) {
      const item = this.updateItem(update);
      const channels = await this.audience(update, subs, item.dueAt);
      const missedBy = now.getTime() - item.dueAt.getTime();
      if (missedBy > this.graceMs) {
        const skipped = await this.skipAll(item, channels, missedBy, now);
        if (report) report.skipped += skipped;
      } else {
        const fan = await this.options.deliverer.fanOut(item, channels);
        if (report) this.count(report, fan);
      }
    }
    if (this.options.deliverer.stopped) return pending.length;
    // Every channel of each has its ledger row now (deferred rows are the recovery's): they are done.
    await this.strikeOff(pending, now);
    return pending.length;
  }

  private audience(update: UpdateItem, subs: Subscription[], dueAt: Date): Promise<Subscription[]> {
    return audienceOf(update, subs, this.options.store, dueAt);
  }

  private count(report: TickReport, fan: FanOutReport): void {
    report.sent += fan.outcomes.sent;
    report.late += fan.outcomes.sent_late;
  }
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
    groups.set(key, [...(groups.get(key) ?? []), s]);
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
      entry.channels.push(...channels);
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
  // A moved deadline concerns reminder channels; a correction, whoever was sent the wrong value.
  return uniqueChannels(
    following.filter(
      (s) =>
        (update.audience === "corrected" || wantsReminders(s)) &&
        received.has(`${s.platform}:${s.channelId}`),
    ),
  );
}
