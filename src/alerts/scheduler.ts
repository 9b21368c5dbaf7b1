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
 * 4b. send each curators' channel the digest of its story's new leads, once per closed window
 *    (src/feeds/digests.ts; its own watermark);
 * 4c. keep subscribed servers' scheduled events in step with the deadlines (src/calendar-events/);
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
import type { Deliverer } from "../delivery/deliver.js";
import { eachLimit, type FanOutReport } from "../delivery/fan-out.js";
import type { DeliveryItem } from "../delivery/item.js";
import { markerFor } from "../delivery/marker.js";
import { type Outage, unreachableReason } from "../delivery/reconnect.js";
import type { Language } from "../language/languages.js";
import type { Metrics } from "../monitoring/metrics.js";
import {
  type ChannelRef,
  type Delivery,
  type NewDelivery,
  type Store,
  type Subscription,
  servesOneProcess,
} from "../store/store.js";
import type { Clock } from "../time/clock.js";
import { AlertItems, hoursText } from "./items.js";
import type { Alert } from "./plan.js";
import { audienceOf, dueAlerts } from "./recipients.js";
import { advanceWatermark, pendingNews, queueNews, STATE, strikeOff } from "./scheduler-state.js";
import type { UpdateItem } from "./updates.js";

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
  /** The curators' digests of new leads (src/feeds/digests.ts), run on each tick (default: none). */
  digests?: DigestRound;
  /** The scheduled events' sync (src/calendar-events/sync.ts), run on each tick (default: none). */
  events?: { tick(now: Date): Promise<unknown> };
  /**
   * Told when a tick fails because the store is unreachable (once per outage, then at debug) and when
   * a tick succeeds again (src/delivery/reconnect.ts); default: every failed tick is an error line.
   */
  storeOutage?: Pick<Outage, "failed" | "recovered">;
}

/** A round of digests the scheduler runs after the alerts on each tick, and whose crashed claims it settles. */
export interface DigestRound {
  tick(now: Date): Promise<{ sent: number; skipped: number }>;
  /** Rebuilds the item of an unconfirmed ledger row of kind `digest`, or says why it is past sending. */
  itemFor(row: Delivery, now: Date): Promise<{ item: DeliveryItem } | { expired: string }>;
}

/**
 * The language of a ledger row's channel, from the active subscriptions (read once, when a first row
 * asks): a channel subscribed twice writes in the language of its first subscription that has one.
 */
function channelLanguages(store: Store): (row: ChannelRef) => Promise<Language | undefined> {
  let read: Promise<Map<string, Language>> | undefined;
  return async (row) => {
    read ??= store.activeSubscriptions().then((subs) => {
      const map = new Map<string, Language>();
      for (const s of subs) {
        const key = `${s.platform}:${s.channelId}`;
        if (s.language && !map.has(key)) map.set(key, s.language);
      }
      return map;
    });
    return (await read).get(`${row.platform}:${row.channelId}`);
  };
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
  /** The digests' round, when the scheduler runs one. */
  digests?: { sent: number; skipped: number };
}

const HOUR = 3_600_000;

export class Scheduler {
  private readonly graceMs: number;
  private chain: Promise<unknown> = Promise.resolve();
  private ticked = false;
  private task: ScheduledTask | undefined;
  private readonly items: AlertItems;

  constructor(private readonly options: SchedulerOptions) {
    this.graceMs = options.graceMs ?? 6 * HOUR;
    this.items = new AlertItems({ ...options, graceMs: this.graceMs });
  }

  private get log(): Logger {
    return this.options.log;
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
    const { storeOutage } = this.options;
    try {
      await this.tick();
      storeOutage?.recovered();
    } catch (err) {
      const cause = storeOutage ? unreachableReason(err) : undefined;
      if (cause !== undefined) storeOutage?.failed(cause, "on the next tick");
      else this.log.error({ err }, "alert tick failed");
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

  /** Queues the notices that became news (see `queueNews`). How many. */
  private async syncUpdates(next: Dataset, now: Date): Promise<number> {
    const fresh = await queueNews(this.options.store, next, now);
    if (fresh.length) this.log.info({ updates: fresh.map((u) => u.key) }, "news queued");
    return fresh.length;
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
    const languages = channelLanguages(store);
    const recovered = await deliverer.recover(now, async (row) => {
      const resolved = await this.itemFor(row, now);
      return "item" in resolved ? { ...resolved, language: await languages(row) } : resolved;
    });
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
      const item = this.items.reminderItem(alert);
      const missedBy = now.getTime() - alert.at.getTime();
      if (missedBy > this.graceMs) {
        report.skipped += await this.skipAll(item, channels, missedBy, now);
        continue;
      }
      this.count(report, await deliverer.fanOut(item, channels));
    }

    await this.syncUpdates(data.dataset, now);
    report.updates = await this.deliverPending(now, report);
    if (this.options.digests && !deliverer.stopped) report.digests = await this.options.digests.tick(now);
    if (this.options.events && !deliverer.stopped) await this.options.events.tick(now);
    if (deliverer.stopped) return report;
    await advanceWatermark(store, to, now);
    return report;
  }

  /** Rebuilds the item of an unconfirmed ledger row: a digest's from the store, the rest from the data. */
  private async itemFor(row: Delivery, now: Date): Promise<{ item: DeliveryItem } | { expired: string }> {
    if (row.kind !== "digest") return this.items.itemFor(row, now);
    return this.options.digests ? this.options.digests.itemFor(row, now) : { expired: "no digests here" };
  }

  private plan(subs: Subscription[], from: Date, to: Date): { alert: Alert; channels: Subscription[] }[] {
    return dueAlerts(this.options.data.dataset, subs, { from, to }, this.options.settings.reminderHour);
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
    const pending = await pendingNews(this.options.store);
    if (!pending.length) return 0;
    const subs = await this.options.store.activeSubscriptions();
    for (const update of pending) {
      const item = this.items.updateItem(update);
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
    await strikeOff(this.options.store, pending, now);
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
