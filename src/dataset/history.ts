/**
 * Lookups "as of an instant" without scanning: every fact has the instant from which it is both true
 * and known (`visibleFrom`, in ms), and these indexes answer "which entry is in force at t" and "which
 * items of a list are visible at t" by binary search (docs/decisions/0009-true-and-known-at-an-instant.md).
 */

/** Any item with the instant from which replies may show it. */
export interface Visible {
  /** Epoch ms from which the fact is true and known (-Infinity: always). */
  visibleFrom: number;
}

/** The first index in `sorted` (ascending) whose value is greater than `t`: how many are <= t. */
export function countAtOrBefore(sorted: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A history: entries in the order they took effect (the file's order, oldest first). `at(t)` is the
 * latest entry visible at t. Entries usually become visible in order, but a change reported late (its
 * source published days after it took effect) may become visible after a later one: the index sorts
 * entries by `visibleFrom` and keeps the highest entry index seen so far, so a lookup is one binary
 * search whatever the order.
 */
export class History<T extends Visible> {
  private readonly times: Float64Array;
  private readonly latest: Int32Array;

  constructor(readonly entries: readonly T[]) {
    const order = entries.map((e, i) => ({ t: e.visibleFrom, i })).sort((a, b) => a.t - b.t || a.i - b.i);
    this.times = Float64Array.from(order.map((o) => o.t));
    this.latest = new Int32Array(order.length);
    let best = -1;
    order.forEach((o, k) => {
      best = Math.max(best, o.i);
      this.latest[k] = best;
    });
  }

  /** The entry in force at t, or undefined when none is visible yet. */
  at(t: number): T | undefined {
    const n = countAtOrBefore(this.times, t);
    if (n === 0) return undefined;
    return this.entries[this.latest[n - 1] ?? -1];
  }

  /** Every entry visible at t, oldest first. */
  visibleAt(t: number): T[] {
    return this.entries.filter((e) => e.visibleFrom <= t);
  }
}

const BLOCK = 64;

/**
 * A list in display order (a timeline by date) whose items become visible at their own instants.
 * It is cut into blocks of 64 items, each holding its items' `visibleFrom` sorted, so counting or
 * paging the items visible at t costs a binary search per block plus at most two partial blocks:
 * about 160 searches for 10,000 items, never a scan of the list.
 */
export class VisibleList<T extends Visible> {
  private readonly blocks: Float64Array[] = [];

  constructor(readonly items: readonly T[]) {
    for (let start = 0; start < items.length; start += BLOCK) {
      const times = items.slice(start, start + BLOCK).map((x) => x.visibleFrom);
      this.blocks.push(Float64Array.from(times).sort());
    }
  }

  get length(): number {
    return this.items.length;
  }

  /** How many items of positions [lo, hi) are visible at t. */
  count(t: number, lo = 0, hi = this.items.length): number {
    let n = 0;
    this.walk(t, lo, hi, (visible) => {
      n += visible;
      return true;
    });
    return n;
  }

  /** The visible items of positions [lo, hi), skipping the first `skip` of them, at most `take`. */
  slice(t: number, lo: number, hi: number, skip: number, take: number): T[] {
    const out: T[] = [];
    let toSkip = skip;
    this.walk(t, lo, hi, (visible, blockStart, blockEnd) => {
      if (toSkip >= visible) {
        toSkip -= visible;
        return true;
      }
      for (let i = blockStart; i < blockEnd && out.length < take; i++) {
        const item = this.items[i];
        if (!item || item.visibleFrom > t) continue;
        if (toSkip > 0) toSkip--;
        else out.push(item);
      }
      return out.length < take;
    });
    return out;
  }

  /** Every visible item of positions [lo, hi). */
  all(t: number, lo = 0, hi = this.items.length): T[] {
    return this.slice(t, lo, hi, 0, Number.POSITIVE_INFINITY);
  }

  /**
   * Calls `visit(visibleCount, from, to)` for each run of positions in [lo, hi): whole blocks counted
   * by binary search, the partial blocks at the edges item by item. Stops when `visit` returns false.
   */
  private walk(
    t: number,
    lo: number,
    hi: number,
    visit: (visible: number, from: number, to: number) => boolean,
  ) {
    let i = Math.max(0, lo);
    const end = Math.min(hi, this.items.length);
    while (i < end) {
      const block = Math.floor(i / BLOCK);
      const blockStart = block * BLOCK;
      const blockEnd = Math.min(blockStart + BLOCK, this.items.length);
      const to = Math.min(blockEnd, end);
      let visible: number;
      if (i === blockStart && to === blockEnd) {
        visible = countAtOrBefore(this.blocks[block] ?? [], t);
      } else {
        visible = 0;
        for (let k = i; k < to; k++)
          if ((this.items[k]?.visibleFrom ?? Number.POSITIVE_INFINITY) <= t) visible++;
      }
      if (!visit(visible, i, to)) return;
      i = to;
    }
  }
}
