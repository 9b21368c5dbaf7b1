/**
 * The intake: poll rounds (./poll.ts) on a node-cron job, in one process at a time. Every process runs
 * the job; a round starts only in the process that holds the intake's lease, a named value of the
 * store's state (`feeds.lease`: its owner and until when) changed only through `updateState`, one
 * process at a time — the way the scheduler keeps its watermark. The holder renews the lease at every
 * round and every third of it while a round is under way, and lets it go when it stops; a process that
 * dies keeps it until it ends, then another takes it over. So two processes never poll the same feed
 * in the same round. On a store for one process (SQLite) the first round takes the lease whoever held
 * it: the process that held it is gone.
 *
 * Each round reads the stories' `feeds` from the dataset served right now, so a curator's edit is
 * picked up at the next round; the time comes from the injected Clock, never from cron.
 */

import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { Dataset } from "../dataset/dataset.js";
import type { Metrics } from "../monitoring/metrics.js";
import { type Store, servesOneProcess } from "../store/store.js";
import type { Clock } from "../time/clock.js";
import type { FetchLimits } from "./fetch-feed.js";
import type { LeadStore } from "./lead.js";
import type { RoundReport, WatchedFeed } from "./poll.js";

/** The state value that names the process polling the feeds. */
export const INTAKE_LEASE = "feeds.lease";

export interface IntakeOptions {
  store: Pick<Store, "engine" | "updateState"> & LeadStore;
  /** The dataset served right now (a LiveDataset): its stories' `feeds` are read at each round. */
  data: { readonly dataset: Dataset };
  clock: Clock;
  log: Logger;
  limits: FetchLimits;
  metrics: Pick<Metrics, "feedFetched" | "feedFailed" | "leadsFound">;
  /** How long the lease stays this process's without a renewal. */
  leaseMs: number;
  /** node-cron expression of the rounds. Default every minute. */
  cron?: string;
  /** Identifies this process in the lease (default: host, pid and a random part). */
  owner?: string;
  /** Feeds fetched at once (default 8). */
  concurrency?: number;
}

interface Held {
  owner: string;
  until: string;
}

function parseHeld(raw: string | undefined): Held | undefined {
  if (!raw) return undefined;
  try {
    const held = JSON.parse(raw) as Partial<Held>;
    return typeof held.owner === "string" && typeof held.until === "string"
      ? { owner: held.owner, until: held.until }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Every feed the dataset's stories list. */
export function watchedFeeds(dataset: Dataset): WatchedFeed[] {
  return dataset.stories.flatMap((s) => (s.feeds ?? []).map((feed) => ({ story: s.story.id, feed })));
}

/** What a round did: skipped when another process holds the lease (or nothing is watched). */
export type IntakeRound =
  | ({ ran: true } & RoundReport)
  | { ran: false; why: "not-ours" | "no-feeds" | "stopped" };

export class Intake {
  readonly owner: string;
  private task: ScheduledTask | undefined;
  private inFlight: Promise<IntakeRound> | undefined;
  private stopped = false;
  private rounds = 0;

  constructor(private readonly options: IntakeOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** Starts the cron job and runs a first round at once. */
  start(): void {
    if (this.task || this.stopped) return;
    this.task = cron.schedule(this.options.cron ?? "* * * * *", () => void this.safeRound(), {
      name: "ceasefire-feeds",
      noOverlap: true,
    });
    void this.safeRound();
  }

  /** Stops the cron job, waits for the round under way, and lets the lease go. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.task?.destroy();
    this.task = undefined;
    await this.inFlight?.catch(() => undefined);
    if (this.rounds > 0)
      await this.letGo().catch((err) => this.options.log.warn({ err }, "could not let the feed lease go"));
  }

  /** One round now, unless one is under way (then that one's result). */
  round(): Promise<IntakeRound> {
    if (this.stopped) return Promise.resolve({ ran: false, why: "stopped" });
    this.inFlight ??= this.runRound().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async safeRound(): Promise<void> {
    try {
      await this.round();
    } catch (err) {
      this.options.log.error({ err }, "feed round failed");
    }
  }

  private async runRound(): Promise<IntakeRound> {
    const { data, clock, log } = this.options;
    const feeds = watchedFeeds(data.dataset);
    if (feeds.length === 0) return { ran: false, why: "no-feeds" };
    const at = clock.now();
    const first = this.rounds === 0;
    this.rounds++;
    if (!(await this.take(at, first))) return { ran: false, why: "not-ours" };
    const renewal = setInterval(() => void this.renew(), this.options.leaseMs / 3);
    try {
      // The fetching and reading of feeds (feedsmith, the XML parser, the HTML entities) load with the
      // first round that has feeds to poll: a bot whose stories list none never loads them.
      const { pollRound } = await import("./poll.js");
      const report = await pollRound(feeds, this.options, at);
      if (report.fetched + report.notModified + report.failed > 0) log.info({ ...report }, "feeds polled");
      return { ran: true, ...report };
    } finally {
      clearInterval(renewal);
    }
  }

  /**
   * Takes or renews the lease at `at`: true when this process holds it now. `anyway`: take it even
   * from another owner (the first round on a store for one process).
   */
  private take(at: Date, anyway: boolean): Promise<boolean> {
    const force = anyway && servesOneProcess(this.options.store);
    return this.changeLease(at, (held) =>
      force || !held || held.owner === this.owner || new Date(held.until).getTime() <= at.getTime()
        ? this.heldUntil(at)
        : undefined,
    );
  }

  /** Renews the lease while a round is under way, if it is still this process's. */
  private async renew(): Promise<void> {
    const at = this.options.clock.now();
    await this.changeLease(at, (held) => (held?.owner === this.owner ? this.heldUntil(at) : undefined)).catch(
      (err) => this.options.log.warn({ err }, "could not renew the feed lease"),
    );
  }

  /** Ends the lease now if this process holds it, so that another process polls from its next round. */
  private async letGo(): Promise<void> {
    const at = this.options.clock.now();
    await this.changeLease(at, (held) =>
      held?.owner === this.owner ? { owner: "", until: at.toISOString() } : undefined,
    );
  }

  private heldUntil(at: Date): Held {
    return { owner: this.owner, until: new Date(at.getTime() + this.options.leaseMs).toISOString() };
  }

  /** Writes the lease `next` decides from the one held (undefined: leave it): true when it wrote. */
  private changeLease(at: Date, next: (held: Held | undefined) => Held | undefined): Promise<boolean> {
    return this.options.store.updateState(
      [INTAKE_LEASE],
      (values) => {
        const lease = next(parseHeld(values.get(INTAKE_LEASE)));
        const set: Record<string, string> = lease ? { [INTAKE_LEASE]: JSON.stringify(lease) } : {};
        return { set, result: lease !== undefined };
      },
      at,
    );
  }
}
