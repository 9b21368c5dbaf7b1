/**
 * Keeps the scheduled events of subscribed servers in step with the deadlines, on the scheduler's
 * tick (src/alerts/scheduler.ts). Each tick plans every step from the store's rows and the dataset at
 * the clock's instant (./plan.ts), then works through them server by server: it claims the row (a
 * lease, so two processes never act on one event at once), plans the step again from the row it got,
 * calls the platform, and saves the outcome, freeing the lease. Exactly once across crashes: before
 * creating an event it looks for its marker among the server's events, so an event created just before
 * a crash (its id never saved) is found and kept instead of made twice.
 *
 * A refusal for lack of permission pauses the server (./pause.ts): one log line, a note for
 * /subscriptions, and nothing more for that server until its back-off ends. Other failures are logged
 * and tried again on a later tick. A tick never throws: the alerts' tick goes on whatever happens here.
 */
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { Dataset } from "../dataset/dataset.js";
import type { EventRef, EventRow, EventState } from "../store/event-store.js";
import type { Store, Subscription } from "../store/store.js";
import { backOffMs, pause, pauseOf, resume } from "./pause.js";
import {
  type EventAction,
  type EventStep,
  eventMarker,
  planSteps,
  refKey,
  refOf,
  stepFor,
  wantedEvents,
} from "./plan.js";
import type { EventFailure, PlatformEvent, ScheduledEvents } from "./port.js";

export interface EventSyncOptions {
  store: Store;
  data: { readonly dataset: Dataset };
  log: Logger;
  /** The platforms that have scheduled events, each through its port. */
  platforms: readonly ScheduledEvents[];
  /** This process, as the rows' leases name it (default host:pid). */
  owner?: string;
  /** How long a claim on a row holds (default 2 minutes). */
  leaseMs?: number;
}

export type EventReport = Record<EventAction | "paused" | "failed", number>;

function emptyReport(): EventReport {
  return { create: 0, update: 0, cancel: 0, remove: 0, forget: 0, paused: 0, failed: 0 };
}

/** Thrown inside a server's round when the platform refuses for lack of permission. */
class Refused extends Error {
  constructor(readonly failure: EventFailure) {
    super(failure.reason);
  }
}

export class EventSync {
  readonly owner: string;
  private readonly leaseMs: number;
  /** Events whose last step failed here, by row key: how often, why, and when to try again. */
  private readonly failures = new Map<string, { failures: number; reason: string; retryAt: Date }>();

  constructor(private readonly options: EventSyncOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:events`;
    this.leaseMs = options.leaseMs ?? 120_000;
  }

  /** One round for every platform at `now`; what it did. */
  async tick(now: Date): Promise<EventReport> {
    const report = emptyReport();
    for (const port of this.options.platforms) {
      try {
        await this.syncPlatform(port, now, report);
      } catch (err) {
        report.failed++;
        this.options.log.error({ err, platform: port.platform }, "scheduled events sync failed");
      }
    }
    return report;
  }

  private async syncPlatform(port: ScheduledEvents, now: Date, report: EventReport): Promise<void> {
    const { store, data } = this.options;
    const dataset = data.dataset;
    const subs = (await store.activeSubscriptions()).filter(
      (s) => s.kind === "events" && s.platform === port.platform,
    );
    const wanted = wantedEvents(dataset, subs, port.platform, port.limits, now);
    const rows = await store.openEvents(port.platform);
    const context = { dataset, subs, now };
    const steps = planSteps(context, wanted, rows);
    const byServer = new Map<string, EventStep[]>();
    for (const step of steps)
      byServer.set(step.ref.workspaceId, [...(byServer.get(step.ref.workspaceId) ?? []), step]);
    for (const [workspaceId, serverSteps] of byServer) {
      await this.syncServer(port, workspaceId, serverSteps, { dataset, subs, now }, report);
    }
  }

  private async syncServer(
    port: ScheduledEvents,
    workspaceId: string,
    steps: EventStep[],
    context: { dataset: Dataset; subs: Subscription[]; now: Date },
    report: EventReport,
  ): Promise<void> {
    const { store, log } = this.options;
    const server = { platform: port.platform, workspaceId };
    const paused = await pauseOf(store, port.platform, workspaceId);
    if (paused && paused.retryAt.getTime() > context.now.getTime()) {
      report.paused++;
      return;
    }
    const listing = new Listing(port, workspaceId);
    try {
      for (const planned of steps) {
        const did = await this.runStep(port, planned, context, listing);
        if (did) report[did]++;
      }
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      const { fresh, pause: p } = await pause(store, server, err.failure.reason, context.now);
      report.paused++;
      if (fresh) {
        log.warn(
          { platform: port.platform, workspaceId, reason: err.failure.reason, retryAt: p.retryAt },
          "scheduled events paused: the bot may not manage this server's events",
        );
      }
      return;
    }
    if (paused) {
      await resume(store, server, context.now);
      log.info({ platform: port.platform, workspaceId }, "scheduled events resumed");
    }
  }

  /** Claims one row, plans its step again from it, acts, saves. The action done, if any. */
  private async runStep(
    port: ScheduledEvents,
    planned: EventStep,
    context: { dataset: Dataset; subs: Subscription[]; now: Date },
    listing: Listing,
  ): Promise<EventAction | undefined> {
    const { store } = this.options;
    const { ref } = planned;
    if (this.waiting(ref, context.now)) return undefined;
    const lease = { owner: this.owner, until: new Date(context.now.getTime() + this.leaseMs) };
    const row = await store.claimEvent(ref, lease, context.now);
    if (!row) return undefined; // another process works on it
    const step = stepFor(context, ref, row, planned.wanted);
    if (!step) {
      await store.saveEvent(ref, this.owner, undefined, context.now);
      return undefined;
    }
    let state: EventState;
    try {
      state = await this.act(port, step, row, listing);
    } catch (err) {
      const failure = port.classify(err);
      if (step.action === "update" && failure.type === "rejected" && row.eventId !== undefined) {
        return this.replace(port, row, row.eventId, failure.reason, context.now);
      }
      await store.saveEvent(ref, this.owner, undefined, context.now);
      if (failure.type === "missing-permission") throw new Refused(failure);
      this.failed(ref, step.action, failure.reason, context.now);
      return undefined;
    }
    await store.saveEvent(ref, this.owner, state, context.now);
    this.failures.delete(refKey(ref));
    return step.action;
  }

  /**
   * Gives up an event the platform will not change (one that has begun, say): it is cancelled (or
   * removed) as far as the platform lets it be, and the row ends, so the next tick makes a new one.
   */
  private async replace(
    port: ScheduledEvents,
    row: EventRow,
    eventId: string,
    reason: string,
    now: Date,
  ): Promise<undefined> {
    await port.cancel(row.workspaceId, eventId).catch(() => {});
    await this.options.store.saveEvent(row, this.owner, { ...row, ended: true }, now);
    this.options.log.info(
      { ...refOf(row), eventId, reason },
      "scheduled event replaced: it could not be changed",
    );
    return undefined;
  }

  /**
   * Notes a failed step: one log line for its first failure (and when the reason changes), and a
   * back-off before this process tries the event again, so a refusal that lasts costs little.
   */
  private failed(ref: EventRef, action: EventAction, reason: string, now: Date): void {
    const key = refKey(ref);
    const before = this.failures.get(key);
    const failures = (before?.failures ?? 0) + 1;
    this.failures.set(key, { failures, reason, retryAt: new Date(now.getTime() + backOffMs(failures)) });
    if (before?.reason !== reason) {
      this.options.log.warn({ ...ref, action, reason }, "scheduled event not synced; trying again later");
    }
  }

  /** Whether this process waits before trying an event again after failures. */
  private waiting(ref: EventRef, now: Date): boolean {
    const f = this.failures.get(refKey(ref));
    return f !== undefined && f.retryAt.getTime() > now.getTime();
  }

  private async act(
    port: ScheduledEvents,
    step: EventStep,
    row: EventRow,
    listing: Listing,
  ): Promise<EventState> {
    const { workspaceId } = step.ref;
    const ended = { eventId: row.eventId, synced: row.synced, ended: true };
    switch (step.action) {
      case "create":
      case "update": {
        const wanted = step.wanted;
        if (!wanted) throw new Error("a create or update step without its event");
        let eventId = step.action === "update" && !row.ended ? row.eventId : undefined;
        // Not the event this row gave up or saw end: a deadline wanted again gets a new one.
        eventId ??= await listing.find(wanted.marker, row.ended ? row.eventId : undefined);
        if (eventId === undefined) {
          eventId = await port.create(workspaceId, wanted.spec);
        } else {
          try {
            await port.update(workspaceId, eventId, wanted.spec);
          } catch (err) {
            // Someone deleted it: the deadline still wants its event.
            if (port.classify(err).type !== "unknown-event") throw err;
            eventId = await port.create(workspaceId, wanted.spec);
          }
        }
        return { eventId, synced: wanted.fingerprint, ended: false };
      }
      case "cancel":
      case "remove": {
        const eventId = row.eventId ?? (await listing.find(markerOf(step)));
        if (eventId === undefined) return ended;
        try {
          await (step.action === "cancel"
            ? port.cancel(workspaceId, eventId)
            : port.remove(workspaceId, eventId));
        } catch (err) {
          if (port.classify(err).type !== "unknown-event") throw err;
        }
        return { ...ended, eventId };
      }
      case "forget":
        return ended;
    }
  }
}

function markerOf(step: EventStep): string {
  return step.wanted?.marker ?? eventMarker(step.ref);
}

/** A server's events, listed once per round and only when a marker must be looked up. */
class Listing {
  private events: Promise<PlatformEvent[]> | undefined;

  constructor(
    private readonly port: ScheduledEvents,
    private readonly workspaceId: string,
  ) {}

  /** The id of the server's event whose description carries `marker` (other than `except`). */
  async find(marker: string, except?: string): Promise<string | undefined> {
    this.events ??= this.port.list(this.workspaceId);
    return (await this.events).find((e) => e.id !== except && e.description?.includes(marker))?.id;
  }
}
