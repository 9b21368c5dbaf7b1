/**
 * What `ceasefire-bot start` opens before anything else: the live dataset (a bad dataset ends the
 * start at once), and the run's store, opened once it can be: PostgreSQL away at start (refused, not found, starting up)
 * is said once and tried again with back-off (src/delivery/reconnect.ts) while the health server already
 * answers /readyz 503 with what is wrong; any other failure (a bad password, a bad SQLite path) ends
 * the start at once, as before. Once open it is the store itself (timed when metrics are kept).
 */
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { LiveDataset } from "../dataset/live.js";
import {
  type BackOff,
  type Cancel,
  Outage,
  retryWhileUnreachable,
  unreachableReason,
} from "../delivery/reconnect.js";
import type { Metrics } from "../monitoring/metrics.js";
import { TimedStore } from "../monitoring/store.js";
import { openStore } from "../store/open.js";
import type { Store } from "../store/store.js";
import type { Io } from "./io.js";

/** The live dataset; undefined, said on `io`, when it fails to load. */
export async function openData(dataPath: string, log: Logger, io: Io): Promise<LiveDataset | undefined> {
  try {
    return await LiveDataset.open(dataPath, log);
  } catch (err) {
    io.err((err as Error).message);
    return undefined;
  }
}

export class StoreWhenReachable {
  private store: Store | undefined;
  /** Its outages: at start (told here), and later (told by the scheduler's failed ticks). */
  readonly outage: Outage;

  constructor(
    private readonly options: {
      config: Pick<Config, "DATA_DIR" | "DATABASE_URL">;
      log: Logger;
      backOff: BackOff;
      /** Times the store's calls when given. */
      metrics?: Metrics;
      /** Opens the store (default: openStore). */
      open?: () => Promise<Store>;
    },
  ) {
    const { config, log, backOff } = options;
    const postgres = Boolean(config.DATABASE_URL);
    this.outage = new Outage({
      what: postgres ? "PostgreSQL" : "the store",
      where: postgres ? "DATABASE_URL" : "DATA_DIR",
      log,
      backOff,
    });
  }

  /** The store once open; undefined when `cancel` came first. Throws what is not an outage. */
  async open(cancel?: Cancel): Promise<Store | undefined> {
    const { config, backOff, metrics } = this.options;
    const open = this.options.open ?? (() => openStore(config));
    const opened = await retryWhileUnreachable({
      attempt: open,
      outage: this.outage,
      backOff,
      ...(cancel ? { cancel } : {}),
    });
    if (opened === undefined) return undefined;
    this.store = metrics ? new TimedStore(opened, metrics) : opened;
    return this.store;
  }

  /** For /readyz: the store's own ping once open (its failure said as an outage); before, what keeps it from opening. */
  async ping(): Promise<void> {
    if (!this.store) throw new Error(this.outage.reason() ?? "not open yet");
    try {
      await this.store.ping();
    } catch (err) {
      const cause = unreachableReason(err);
      if (cause === undefined) throw err;
      throw new Error(`${this.outage.what} is unreachable: ${cause} (${this.outage.where})`);
    }
  }
}
