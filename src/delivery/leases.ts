/**
 * This process's leases on the ledger rows it works on. A claim carries the process as its owner and
 * a lease; while the process works on a row it renews the lease every third of it, so nobody else
 * touches the row before the lease ends. A row let go is no longer renewed: once its lease ends, any
 * process may settle it (by its marker).
 */
import type { Logger } from "pino";
import type { DeliveryRef, Lease, Store } from "../store/store.js";

function refKey(ref: DeliveryRef): string {
  return `${ref.platform}:${ref.channelId}:${ref.key}`;
}

export interface LeaseOptions {
  store: Store;
  log: Logger;
  now(): Date;
  /** Identifies this process in the ledger. */
  owner: string;
  /** How long a claim stays this process's without a renewal. */
  leaseMs: number;
}

export class Leases {
  /** The rows this process works on right now: their leases are renewed until they are let go. */
  private readonly held = new Map<string, DeliveryRef>();
  private renewal: NodeJS.Timeout | undefined;
  private renewing = false;

  constructor(private readonly options: LeaseOptions) {}

  /** This process's claim from now on: a lease of `leaseMs` by the clock. */
  lease(): Lease {
    return {
      owner: this.options.owner,
      until: new Date(this.options.now().getTime() + this.options.leaseMs),
    };
  }

  /** Keeps renewing `ref`'s lease until `letGo`. */
  hold(ref: DeliveryRef): void {
    this.held.set(refKey(ref), ref);
    this.renewal ??= setInterval(() => void this.renewLeases(), this.options.leaseMs / 3).unref();
  }

  letGo(ref: DeliveryRef): void {
    this.held.delete(refKey(ref));
    if (this.held.size === 0 && this.renewal) {
      clearInterval(this.renewal);
      this.renewal = undefined;
    }
  }

  private async renewLeases(): Promise<void> {
    const refs = [...this.held.values()];
    if (this.renewing || refs.length === 0) return;
    this.renewing = true;
    try {
      await this.options.store.renew(refs, this.lease(), this.options.now());
    } catch (err) {
      // The sends go on; if the store stays away longer than a lease, another process may take
      // these rows over once it is back (and looks their markers up before any resend).
      this.options.log.warn({ err, rows: refs.length }, "could not renew the leases of the claims under way");
    } finally {
      this.renewing = false;
    }
  }
}
