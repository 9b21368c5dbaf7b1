/**
 * When a Home is worth publishing again. A platform sends "opened" each time a person opens their
 * Home (Slack: every click on the tab), and publishing is a call to its API. Per person:
 * - an open while their Home is still being published is skipped;
 * - an open within the same minute of the clock, on the same dataset, as the last one that was built is
 *   skipped: replies say times to the minute at most, so it would show the same;
 * - a Home that comes out the same as the one last published is not published again.
 * A failed publish forgets the person's minute, so that their next open tries again.
 */
import { createHash } from "node:crypto";
import type { Dataset } from "../dataset/dataset.js";

interface Seen {
  dataset: Dataset | undefined;
  minute: number;
  busy: boolean;
  /** A digest of the payload last published. */
  published: string | undefined;
}

export type HomeStep = "build" | "busy" | "same-minute";

export class HomeThrottle {
  private readonly people = new Map<string, Seen>();
  constructor(private readonly capacity = 10_000) {}

  /** Whether to build `who`'s Home now (and if so, it counts as under way until `done`). */
  open(who: string, dataset: Dataset, at: Date): HomeStep {
    const minute = Math.floor(at.getTime() / 60_000);
    const seen = this.people.get(who);
    if (seen?.busy) return "busy";
    if (seen && seen.dataset === dataset && seen.minute === minute) return "same-minute";
    const next: Seen = { dataset, minute, busy: true, published: seen?.published };
    this.people.delete(who);
    this.people.set(who, next);
    if (this.people.size > this.capacity) {
      const oldest = this.people.keys().next().value;
      if (oldest !== undefined && oldest !== who) this.people.delete(oldest);
    }
    return "build";
  }

  /** Whether `payload` differs from what was last published for `who`. */
  changed(who: string, payload: unknown): boolean {
    return this.people.get(who)?.published !== digest(payload);
  }

  /** Ends the open: published (this payload), unchanged (nothing sent), or failed. */
  done(who: string, outcome: { published: unknown } | "unchanged" | "failed"): void {
    const seen = this.people.get(who);
    if (!seen) return;
    seen.busy = false;
    if (outcome === "failed") seen.dataset = undefined;
    else if (outcome !== "unchanged") seen.published = digest(outcome.published);
  }
}

function digest(payload: unknown): string {
  return createHash("sha256").update(JSON.stringify(payload)).digest("base64");
}
