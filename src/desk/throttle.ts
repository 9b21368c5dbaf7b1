/**
 * Failed log-ins slow an attacker down without locking the right password out.
 *
 * - Per account and address: after 3 failures, each further try of that account from that address
 *   waits twice as long as the last (1 s, 2 s, 4 s, … at most 5 minutes). A try made while waiting is
 *   refused without checking the password and without counting, so the wait never grows by itself; the
 *   first try after it is checked, and the right password then always gets in (and clears the count).
 *   Someone guessing a curator's password from elsewhere therefore never delays that curator.
 * - Per address, as a slower fallback against one address trying many accounts: after 30 failures
 *   from that address (whatever the account), each try from it waits 1 s, 2 s, … at most 1 minute.
 *
 * Counts are forgotten after a quiet spell (a day per account and address, an hour per address), and
 * at most 10,000 of each are kept (the oldest go first), so made-up names cannot fill the memory.
 * The time comes from the injected Clock.
 */
import type { Clock } from "../time/clock.js";

export interface BackOff {
  /** Failures allowed before any wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  firstMs: number;
  maxMs: number;
  /** A count is forgotten this long after its last failure. */
  forgetMs: number;
}

export const ACCOUNT_BACKOFF: BackOff = { free: 3, firstMs: 1_000, maxMs: 300_000, forgetMs: 86_400_000 };
export const ADDRESS_BACKOFF: BackOff = { free: 30, firstMs: 1_000, maxMs: 60_000, forgetMs: 3_600_000 };
const MAX_KEYS = 10_000;

/** The wait after `failures` failures in a row: none for the free ones, then doubling up to the cap. */
export function backOffMs(failures: number, backOff: BackOff): number {
  if (failures <= backOff.free) return 0;
  const doublings = Math.min(failures - backOff.free - 1, 40);
  return Math.min(backOff.maxMs, backOff.firstMs * 2 ** doublings);
}

/** Failures counted by key, oldest first. */
class FailureCounts {
  private readonly byKey = new Map<string, { count: number; last: number }>();

  constructor(
    private readonly backOff: BackOff,
    private readonly maxKeys: number,
  ) {}

  /** Milliseconds still to wait before `key` may try again (0: now). */
  wait(key: string, now: number): number {
    const entry = this.byKey.get(key);
    if (!entry || now - entry.last >= this.backOff.forgetMs) return 0;
    return Math.max(0, entry.last + backOffMs(entry.count, this.backOff) - now);
  }

  failed(key: string, now: number): void {
    const entry = this.byKey.get(key);
    const count = entry && now - entry.last < this.backOff.forgetMs ? entry.count + 1 : 1;
    this.byKey.delete(key); // re-inserted last: the map stays ordered by last failure
    this.byKey.set(key, { count, last: now });
    if (this.byKey.size > this.maxKeys) this.prune(now);
  }

  clear(key: string): void {
    this.byKey.delete(key);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Drops the forgotten counts, then the oldest ones while there are too many. */
  private prune(now: number): void {
    for (const [key, entry] of this.byKey) {
      if (now - entry.last < this.backOff.forgetMs) break;
      this.byKey.delete(key);
    }
    for (const key of this.byKey.keys()) {
      if (this.byKey.size <= this.maxKeys) break;
      this.byKey.delete(key);
    }
  }
}

export class LoginThrottle {
  private readonly pairs: FailureCounts;
  private readonly addresses: FailureCounts;

  constructor(
    private readonly clock: Clock,
    options: { account?: BackOff; address?: BackOff; maxKeys?: number } = {},
  ) {
    this.pairs = new FailureCounts(options.account ?? ACCOUNT_BACKOFF, options.maxKeys ?? MAX_KEYS);
    this.addresses = new FailureCounts(options.address ?? ADDRESS_BACKOFF, options.maxKeys ?? MAX_KEYS);
  }

  /** Milliseconds still to wait before this account may try from this address (0: go ahead). */
  wait(account: string, address: string): number {
    const now = this.clock.now().getTime();
    return Math.max(this.pairs.wait(pairKey(account, address), now), this.addresses.wait(address, now));
  }

  failed(account: string, address: string): void {
    const now = this.clock.now().getTime();
    this.pairs.failed(pairKey(account, address), now);
    this.addresses.failed(address, now);
  }

  /** The right password: that account's count from that address starts again (the address's does not). */
  succeeded(account: string, address: string): void {
    this.pairs.clear(pairKey(account, address));
  }

  /** How many counts are kept (account and address pairs, addresses). */
  sizes(): { pairs: number; addresses: number } {
    return { pairs: this.pairs.size, addresses: this.addresses.size };
  }
}

/** A user name is at most 64 characters (longer ones are no user's, and count as one). */
function pairKey(account: string, address: string): string {
  return JSON.stringify([account.slice(0, 65), address]);
}
