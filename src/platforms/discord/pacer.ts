/**
 * Discord's global limit kept as an even pace: the proxy lets its requests out at most `perSecond` in
 * any second, and never more than `burst` at once. @discordjs/rest keeps the limit as a window of
 * `perSecond` requests opened by the first and reopened 50 ms after it closes: every window starts with
 * all of them at once, and when one of those bursts reaches Discord late and the next on time, Discord
 * sees more than its limit in one second and answers a global 429, after which the library opens a new
 * full window at once (docs/decisions/0036-the-proxy-holds-requests-over-the-limit.md). An even pace
 * has no such bursts and no 50 ms pauses.
 *
 * Two rules, both kept: a bucket of `burst` requests refilled at `perSecond` (the pace), and the last
 * `perSecond` requests' times (none may go while `perSecond` went in the last second). Requests wait in
 * the order they came; one whose signal aborts leaves the line.
 */

export interface PacerOptions {
  /** Requests in any one second, at most. */
  perSecond: number;
  /** Requests let out at once, at most (at least 1). */
  burst: number;
  /** Milliseconds on a clock that only goes forward (default `performance.now`). */
  now?: () => number;
}

interface Waiter {
  go: () => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

const SECOND = 1_000;
/**
 * The shortest wait between two lettings-out: at 500 a second a wait per request would be a timer every
 * 2 ms; after 10 ms the bucket lets the five that came due go together (it holds up to `burst`).
 */
const TICK_MS = 10;

export class Pacer {
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly now: () => number;
  /** When each of the last `perSecond` requests went, as a ring; `oldest` is the next to replace. */
  private readonly went: number[];
  private oldest = 0;
  private tokens: number;
  private refilledAt: number;
  private readonly line: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(options: PacerOptions) {
    if (!(options.perSecond >= 1))
      throw new RangeError(`perSecond must be at least 1 (got ${options.perSecond})`);
    this.perSecond = options.perSecond;
    this.burst = Math.max(1, Math.floor(options.burst));
    this.now = options.now ?? (() => performance.now());
    this.went = new Array<number>(Math.ceil(this.perSecond)).fill(Number.NEGATIVE_INFINITY);
    this.tokens = this.burst;
    this.refilledAt = this.now();
  }

  /** Resolves when a request may go; rejects with the signal's reason if it aborts first. */
  take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        go: resolve,
        signal,
        onAbort: () => {
          const at = this.line.indexOf(waiter);
          if (at >= 0) this.line.splice(at, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.line.push(waiter);
      this.letOut();
    });
  }

  /** Requests waiting in line. */
  get waiting(): number {
    return this.line.length;
  }

  /** Lets out every waiter that may go now; then waits for the next moment one may. */
  private letOut(): void {
    if (this.timer) return;
    for (;;) {
      const waiter = this.line[0];
      if (!waiter) return;
      const now = this.now();
      const at = this.nextAt(now);
      if (at > now) {
        this.timer = setTimeout(
          () => {
            this.timer = undefined;
            this.letOut();
          },
          Math.max(TICK_MS, Math.ceil(at - now)),
        );
        return;
      }
      this.tokens -= 1;
      this.went[this.oldest] = now;
      this.oldest = (this.oldest + 1) % this.went.length;
      this.line.shift();
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.go();
    }
  }

  /** The first moment from `now` on when one more request may go (refills the bucket to `now`). */
  private nextAt(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.perSecond) / SECOND);
    this.refilledAt = now;
    const paced = this.tokens >= 1 ? now : now + ((1 - this.tokens) * SECOND) / this.perSecond;
    const lastSecond = (this.went[this.oldest] ?? Number.NEGATIVE_INFINITY) + SECOND;
    return Math.max(paced, lastSecond);
  }
}
