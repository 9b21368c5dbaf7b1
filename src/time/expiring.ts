/**
 * A bounded map whose entries are kept until an instant: what the bot looks up elsewhere and may
 * reuse for a while (a reader's chosen language, a Slack locale). Past `capacity` the entry set
 * longest ago goes first.
 */
export class Expiring<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly capacity: number) {}

  /** The entry kept for `key` while `now` (ms) is before its end; undefined when there is none. */
  get(key: string, now: number): { value: V } | undefined {
    const hit = this.entries.get(key);
    return hit && hit.until > now ? hit : undefined;
  }

  /** Keeps `value` for `key` until `until` (ms), as the newest entry. */
  set(key: string, value: V, until: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * `key`'s answer while it is kept, else `ask()`'s, kept until `until`: kept while it is asked too, so
 * that callers arriving together make one call. A call that fails gives `failed(err)` and is not
 * kept, so the next caller asks again.
 */
export function keptCall<T>(
  kept: Expiring<Promise<T>>,
  key: string,
  now: number,
  until: number,
  ask: () => Promise<T>,
  failed: (err: unknown) => T,
): Promise<T> {
  const hit = kept.get(key, now);
  if (hit) return hit.value;
  const asked = ask().catch((err: unknown) => {
    kept.delete(key);
    return failed(err);
  });
  kept.set(key, asked, until);
  return asked;
}
