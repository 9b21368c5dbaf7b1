/**
 * Steady when a dependency is away (a platform's API, the shared Discord proxy, PostgreSQL): what
 * counts as "unreachable", how long to wait before the next try (capped exponential back-off with
 * jitter), and how an outage is told: one warning when it begins ("Discord is unreachable: connect
 * ECONNREFUSED 127.0.0.1:4123 (DISCORD_PROXY_URL); retrying in 2 s"), later attempts at debug, one
 * more warning each time the wait reaches its cap, and one line "… is reachable again" when it ends.
 * While it lasts, `reason()` says what is wrong, for /readyz.
 *
 * Platform-free and timer-free: the waits go through an injected `sleep`, the jitter through an
 * injected `random`, so the tests run it without real time. See
 * docs/decisions/0027-steady-when-a-dependency-is-away.md.
 */
import type { Logger } from "pino";

export interface BackOff {
  /** The first wait, in ms. */
  initialMs: number;
  /** The longest wait, in ms. */
  maxMs: number;
}

/** 1 s, doubling, up to a minute (RECONNECT_INITIAL_MS, RECONNECT_MAX_MS). */
export const DEFAULT_BACK_OFF: BackOff = { initialMs: 1_000, maxMs: 60_000 };

/**
 * The wait before try number `attempt + 1` (`attempt` ≥ 1 tries have failed): `initialMs` doubled per
 * failure, capped at `maxMs`, then one of its values between 75 % and 100 % (full jitter would let
 * several processes' first retries all land at once on a dependency just back).
 */
export function backOffDelay(policy: BackOff, attempt: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const capped = Math.min(policy.maxMs, policy.initialMs * 2 ** exponent);
  return Math.round(capped * (0.75 + 0.25 * random()));
}

/** Error codes that say "nobody answered there", at the network level, from Node, undici or pg. */
const UNREACHABLE_CODES =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|UND_ERR_\w+|57P0[1-3])$/;

/** pg's words for a connection that went away, which carry no code. */
const DROPPED = /^(Connection terminated|connection timeout|terminating connection)/i;

/** The errors inside `err`: its cause, pg's and Slack's `original`, an AggregateError's errors. */
function* errorChain(err: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 5 || typeof err !== "object" || err === null) return;
  const e = err as Record<string, unknown>;
  yield e;
  for (const inner of [e.cause, e.original]) yield* errorChain(inner, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* errorChain(inner, depth + 1);
}

/**
 * What is wrong when `err` means the dependency could not be reached or is down for now (a refused or
 * dropped connection, a failed look-up, a timeout, a 5xx, PostgreSQL starting or shutting down): its
 * innermost message with a network code ("connect ECONNREFUSED 127.0.0.1:4123"). Undefined for any
 * other error (a bad token, a bad password): those are the operator's to fix, not to wait out.
 */
export function unreachableReason(err: unknown): string | undefined {
  let found: string | undefined;
  for (const e of errorChain(err)) {
    const code = e.code;
    const status = typeof e.status === "number" ? e.status : e.statusCode;
    const message = typeof e.message === "string" && e.message !== "" ? e.message : undefined;
    if (typeof code === "string" && UNREACHABLE_CODES.test(code)) found = message ?? code;
    else if (typeof status === "number" && status >= 500 && found === undefined)
      found = message ? `HTTP ${status} ${message}` : `HTTP ${status}`;
    else if ((e.name === "TimeoutError" || e.name === "AbortError") && found === undefined)
      found = message ?? "timed out";
    else if (message && DROPPED.test(message) && found === undefined) found = message;
  }
  return found;
}

/**
 * Every message in `err`'s chain, each once, outermost first: "A request error occurred: fetch failed:
 * bad port" (a message already inside the one before it is not repeated). For a failure that is not
 * an outage, so that the one line telling it carries the innermost reason, not only the wrapper's.
 */
export function failureChain(err: unknown): string {
  const said: string[] = [];
  for (const e of errorChain(err)) {
    const message = typeof e.message === "string" ? e.message.trim() : "";
    if (message !== "" && !said.some((s) => s.includes(message))) said.push(message);
  }
  return said.length > 0 ? said.join(": ") : String(err);
}

/** How long a wait reads in the log: "2 s", "500 ms". */
export function spoken(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/**
 * One dependency's outages, told once each. `what` names it for people ("Discord", "PostgreSQL"),
 * `where` says how it is reached ("DISCORD_PROXY_URL", "DATABASE_URL").
 */
export class Outage {
  private down: string | undefined;
  private attempts = 0;
  private cappedTold = false;

  constructor(private readonly options: { what: string; where: string; log: Logger; backOff: BackOff }) {}

  get what(): string {
    return this.options.what;
  }

  get where(): string {
    return this.options.where;
  }

  /** What is wrong while the outage lasts ("Discord is unreachable: … (DISCORD_PROXY_URL)"); else undefined. */
  reason(): string | undefined {
    return this.down;
  }

  /**
   * A try failed with `cause` (see unreachableReason); the next comes after `retryIn` ms, or when
   * `retryIn` says ("on the next tick").
   */
  failed(cause: string, retryIn: number | string): void {
    const { what, where, log, backOff } = this.options;
    this.attempts++;
    this.down = `${what} is unreachable: ${cause} (${where})`;
    const waits = typeof retryIn === "number";
    const line = `${this.down}; ${waits ? `retrying in ${spoken(retryIn)}` : `trying again ${retryIn}`}`;
    const fields = { dependency: what, attempts: this.attempts, ...(waits ? { retryInMs: retryIn } : {}) };
    if (this.attempts === 1) log.warn(fields, line);
    else if (waits && !this.cappedTold && retryIn >= backOff.maxMs * 0.75) {
      this.cappedTold = true;
      log.warn(fields, `${line} (the longest wait from now on)`);
    } else log.debug(fields, line);
  }

  /** A try succeeded: says so once if an outage was under way. */
  recovered(): void {
    if (this.down === undefined) return;
    const { what, where, log } = this.options;
    log.info({ dependency: what, attempts: this.attempts }, `${what} is reachable again (${where})`);
    this.down = undefined;
    this.attempts = 0;
    this.cappedTold = false;
  }
}

/** Stops a retry loop: its wait ends at once and no further try is made. */
export class Cancel {
  private cancelled = false;
  private readonly waiters = new Set<() => void>();

  get requested(): boolean {
    return this.cancelled;
  }

  cancel(): void {
    this.cancelled = true;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Waits `ms` with `sleep`, or less when cancelled meanwhile. */
  async wait(ms: number, sleep: (ms: number) => Promise<void>): Promise<void> {
    if (this.cancelled) return;
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    this.waiters.add(wake);
    await Promise.race([sleep(ms), woken]);
    this.waiters.delete(wake);
  }
}

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/**
 * Runs `attempt` until it succeeds, waiting with back-off between tries while it fails as
 * "unreachable"; any other failure is thrown at once. Undefined when cancelled before a try succeeded.
 */
export async function retryWhileUnreachable<T>(options: {
  attempt: () => Promise<T>;
  outage: Outage;
  backOff: BackOff;
  cancel?: Cancel;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Tries that already failed (and were told to `outage`), the wait after the last one done. */
  failedBefore?: number;
}): Promise<T | undefined> {
  const { attempt, outage, backOff, cancel = new Cancel(), sleep = realSleep, random } = options;
  for (let failures = (options.failedBefore ?? 0) + 1; !cancel.requested; failures++) {
    try {
      const result = await attempt();
      outage.recovered();
      return result;
    } catch (err) {
      const cause = unreachableReason(err);
      if (cause === undefined) throw err;
      const wait = backOffDelay(backOff, failures, random);
      outage.failed(cause, wait);
      await cancel.wait(wait, sleep);
    }
  }
  return undefined;
}
