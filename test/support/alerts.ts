/** Test doubles for alert delivery: a recording sender and a scheduler rig around it. */
import type { Logger } from "pino";
import { Scheduler, type SchedulerOptions } from "../../src/alerts/scheduler.js";
import { defaultSettings } from "../../src/config.js";
import type { Dataset } from "../../src/dataset/dataset.js";
import { Deliverer, type DelivererOptions } from "../../src/delivery/deliver.js";
import type { Failure, Sender, SentMessage, ThreadPlace } from "../../src/delivery/sender.js";
import { Digests } from "../../src/feeds/digests.js";
import type { Metrics } from "../../src/monitoring/metrics.js";
import { plainText, type Reply } from "../../src/reply/reply.js";
import type { PlatformName, Store } from "../../src/store/store.js";
import type { Clock } from "../../src/time/clock.js";
import { silentLog } from "./log.js";

export interface Posted {
  id: string;
  marker: string;
  reply: Reply;
  text: string;
  /** The thread it went in, or started (undefined: in the channel). */
  place?: ThreadPlace;
}

export class GoneError extends Error {}
export class FlakyError extends Error {}

/** A platform that keeps what it is sent; channels can be made gone or flaky. */
export class RecordingSender implements Sender {
  readonly idempotent = false;
  readonly posted = new Map<string, Posted[]>();
  readonly gone = new Set<string>();
  readonly flaky = new Map<string, number>();
  private next = 1;

  constructor(readonly platform: PlatformName = "discord") {}

  async send(channelId: string, reply: Reply, marker: string, place?: ThreadPlace): Promise<SentMessage> {
    if (this.gone.has(channelId)) throw new GoneError("Unknown Channel");
    const failures = this.flaky.get(channelId) ?? 0;
    if (failures > 0) {
      this.flaky.set(channelId, failures - 1);
      throw new FlakyError("HTTP 502");
    }
    const id = `msg-${this.next++}`;
    const list = this.posted.get(channelId) ?? [];
    const text = `${reply.title}: ${plainText(reply.summary ?? [])}`;
    list.push({ id, marker, reply, text, ...(place ? { place } : {}) });
    this.posted.set(channelId, list);
    return { messageId: id };
  }

  async findByMarker(channelId: string, marker: string): Promise<string | undefined> {
    return this.posted.get(channelId)?.find((p) => p.marker === marker)?.id;
  }

  classify(err: unknown): Failure {
    if (err instanceof GoneError) return { type: "gone", reason: err.message };
    if (err instanceof FlakyError) return { type: "transient", reason: err.message };
    return { type: "rejected", reason: String(err) };
  }

  in(channelId: string): Posted[] {
    return this.posted.get(channelId) ?? [];
  }

  all(): Posted[] {
    return [...this.posted.values()].flat();
  }
}

/**
 * The real scheduler and deliverer as the bot composes them, with the default settings: posting
 * through `sender` (or one sender per platform), retrying fast unless told otherwise.
 */
export function makeScheduler(
  options: {
    store: Store;
    data: { readonly dataset: Dataset };
    clock: Clock;
    log?: Logger;
    graceMs?: number;
    metrics?: Metrics;
    /** node-cron expression, for a scheduler that runs on its own (default: ticked by the test). */
    cron?: string;
    /** The deliverer's own settings (a process's owner id, its lease, how many channels at once, its retries). */
    deliverer?: Pick<DelivererOptions, "owner" | "leaseMs" | "concurrency" | "retry">;
    /** Curators' digests on each tick: the windows' length and the desk's public address. */
    digests?: { intervalMs: number; deskUrl?: string };
    /** The scheduled events' sync, run on each tick. */
    events?: SchedulerOptions["events"];
  } & ({ sender: Sender } | { senders: Partial<Record<PlatformName, Sender>> }),
): Scheduler {
  const log = options.log ?? silentLog();
  const deliverer = new Deliverer({
    store: options.store,
    senders: "senders" in options ? options.senders : { [options.sender.platform]: options.sender },
    clock: options.clock,
    log,
    retry: { attempts: 3, baseMs: 1, maxMs: 2 },
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...options.deliverer,
  });
  const scheduler: SchedulerOptions = {
    store: options.store,
    data: options.data,
    clock: options.clock,
    log,
    deliverer,
    settings: defaultSettings,
    ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.cron ? { cron: options.cron } : {}),
    ...(options.events ? { events: options.events } : {}),
  };
  if (options.digests) {
    scheduler.digests = new Digests({
      store: options.store,
      data: options.data,
      log,
      deliverer,
      intervalMs: options.digests.intervalMs,
      deskUrl: options.digests.deskUrl,
      graceMs: options.graceMs ?? 6 * 3_600_000,
    });
  }
  return new Scheduler(scheduler);
}
