/**
 * The answers the adapters have taken on and not finished yet (produced, deferred, sent), so that a
 * stop can let them finish: `close()` takes nothing more and resolves once everything taken has
 * settled. Adapters answer what arrives after that with STOPPING (Slack's HTTP mode answers 503).
 */
import type { Language } from "../language/languages.js";
import { errorReply } from "../reply/errors.js";

export const STOPPING = errorReply("restarting");

export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private open = true;

  /** False once `close()` was called. */
  get accepting(): boolean {
    return this.open;
  }

  get size(): number {
    return this.running.size;
  }

  /** Tracks `work` until it settles; returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Takes nothing more; resolves when everything taken (even while closing) has settled. */
  async close(): Promise<void> {
    this.open = false;
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}

/**
 * The reader's language when `lookup` finds it within `ms` (a kept lookup answers at once), else
 * `fallback`: what a refusal or a failure is told in, without holding up the platform's window.
 */
export async function languageWithin(
  lookup: Promise<Language> | undefined,
  fallback: Language,
  ms = 500,
): Promise<Language> {
  if (!lookup) return fallback;
  const found = await readyWithin(
    lookup.catch(() => fallback),
    ms,
  );
  return found === LATE ? fallback : found;
}

/** What `readyWithin` gives when the work is not done in time. */
export const LATE: unique symbol = Symbol("late");

/**
 * `work`'s value when it settles within `ms`, else LATE while the work goes on (await it later). The
 * platforms answer at once when the answer is ready within their window, else defer it.
 */
export async function readyWithin<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
