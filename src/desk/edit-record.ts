/**
 * The edit record: every change the bot loads (from the curator desk or from a hand edit of a
 * file) is written to the store, field by field: where, old → new, development or correction, when,
 * and who for desk edits. A change of a value that now carries `corrected` is a correction.
 */
import type { Logger } from "pino";
import type { Dataset, Story } from "../dataset/dataset.js";
import type { StoryFile } from "../dataset/schema.js";
import type { ChangeKind, NewChangeRecord, Store } from "../store/store.js";
import type { Clock } from "../time/clock.js";

/** The parts of a story file that curators write (not the indexes built from them). */
const FIELDS = [
  "story",
  "reminders",
  "sources",
  "parties",
  "people",
  "phases",
  "figures",
  "events",
  "deadlines",
  "claims",
  "feeds",
] as const satisfies readonly (keyof StoryFile)[];

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A list whose items have ids is compared item by item by id; any other list by position. */
function keyed(list: Json[]): Map<string, Json> | undefined {
  if (!list.every((x) => isObject(x) && typeof x.id === "string")) return undefined;
  return new Map(list.map((x) => [String((x as Record<string, Json>).id), x]));
}

/** Where each difference between two JSON values is, with both sides. */
export function diffJson(
  before: Json,
  after: Json,
  path: string,
  out: { path: string; old: Json; new: Json }[] = [],
): { path: string; old: Json; new: Json }[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return out;
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      diffJson(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const a = keyed(before);
    const b = keyed(after);
    if (a && b) {
      for (const id of new Set([...a.keys(), ...b.keys()]))
        diffJson(a.get(id), b.get(id), `${path}.${id}`, out);
      return out;
    }
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      diffJson(before[i], after[i], `${path}[${i}]`, out);
    }
    return out;
  }
  out.push({ path, old: before, new: after });
  return out;
}

function fileOf(story: Story | undefined): Record<string, Json> | undefined {
  if (!story) return undefined;
  return Object.fromEntries(FIELDS.map((f) => [f, story[f]]));
}

/** A change is a correction when what it touches now says it corrects a value. */
function kindOf(path: string, value: Json): ChangeKind {
  return path.includes(".corrected") || (isObject(value) && value.corrected !== undefined)
    ? "correction"
    : "development";
}

/** Every field that differs between two datasets, story by story (stories known by id). */
export function datasetChanges(previous: Dataset, next: Dataset): Omit<NewChangeRecord, "by">[] {
  const out: Omit<NewChangeRecord, "by">[] = [];
  for (const id of new Set([...previous.byId.keys(), ...next.byId.keys()])) {
    const diffs = diffJson(fileOf(previous.byId.get(id)), fileOf(next.byId.get(id)), "");
    // A value given `corrected` makes every change of that value a correction.
    const corrected = diffs
      .filter((d) => /\.corrected(\.|$)/.test(d.path))
      .map((d) => d.path.replace(/\.corrected.*$/, "."));
    for (const d of diffs) {
      out.push({
        story: id,
        path: d.path || "(the whole story)",
        kind: corrected.some((p) => d.path.startsWith(p)) ? "correction" : kindOf(d.path, d.new),
        old: d.old === undefined ? undefined : JSON.stringify(d.old),
        new: d.new === undefined ? undefined : JSON.stringify(d.new),
      });
    }
  }
  return out;
}

/** Who made the next change to a story, and whether they call it a correction (desk edits). */
export interface Authorship {
  by: string;
  kind: ChangeKind;
}

export class ChangeRecorder {
  private readonly expected = new Map<string, Authorship>();

  constructor(private readonly options: { store: Store; clock: Clock; log: Logger }) {}

  /** Records what the desk is about to save to `story`: the next reload of it is theirs. */
  expect(story: string, authorship: Authorship): void {
    this.expected.set(story, authorship);
  }

  /** Records the changes between two loads of the data (the desk's with their author). */
  async record(next: Dataset, previous: Dataset): Promise<number> {
    const changes = datasetChanges(previous, next).map((c): NewChangeRecord => {
      const author = this.expected.get(c.story);
      return {
        ...c,
        by: author?.by,
        kind: author?.kind === "correction" || c.kind === "correction" ? "correction" : "development",
      };
    });
    for (const story of new Set(changes.map((c) => c.story))) this.expected.delete(story);
    if (changes.length) {
      await this.options.store.recordChanges(changes, this.options.clock.now());
      this.options.log.info({ changes: changes.length }, "data changes recorded");
    }
    return changes.length;
  }

  /** Records every reload of a live dataset. */
  listen(live: { onReload(listener: (next: Dataset, previous: Dataset) => void): void }): void {
    live.onReload((next, previous) => {
      void this.record(next, previous).catch((err) =>
        this.options.log.error({ err }, "recording data changes failed"),
      );
    });
  }
}
