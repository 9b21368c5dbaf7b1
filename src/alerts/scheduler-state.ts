/**
 * What the scheduler keeps in the store between ticks and across processes: the watermark (alerts due
 * before it have been planned), the news already known, and the news pending. It only changes through
 * the store's `updateState`, one process at a time: the watermark only moves forward, news is queued
 * once, and a pending notice is struck off by key once a process has fanned it out.
 */
import type { Dataset } from "../dataset/dataset.js";
import type { Store } from "../store/store.js";
import { findNews, type NewsMemory, type UpdateItem } from "./updates.js";

export const STATE = {
  /** ISO instant: alerts due before it have been planned. */
  plannedUntil: "scheduler.plannedUntil",
  /** JSON array of notice keys (events, figure values, moved deadlines) already handled. */
  knownUpdates: "updates.known",
  /** JSON array of story ids already seen: a story new to it is never news for its past. */
  knownStories: "stories.known",
  /** JSON array of UpdateItem not yet fanned out. */
  pendingUpdates: "updates.pending",
} as const;

function parsePending(raw: string | undefined): UpdateItem[] {
  return raw ? (JSON.parse(raw) as UpdateItem[]) : [];
}

/**
 * Queues the notices of `next` that became news (see `findNews`) and remembers what was handled, in
 * one step of the store's: a notice that two processes find at once is queued once. The notices queued.
 */
export function queueNews(store: Store, next: Dataset, now: Date): Promise<UpdateItem[]> {
  return store.updateState(
    [STATE.knownUpdates, STATE.knownStories, STATE.plannedUntil, STATE.pendingUpdates],
    (values) => {
      const known = values.get(STATE.knownUpdates);
      const stories = values.get(STATE.knownStories);
      const planned = values.get(STATE.plannedUntil);
      const memory: NewsMemory = {
        known: new Set(known ? (JSON.parse(known) as string[]) : []),
        // A store from before stories were remembered had seen every story it holds notices of.
        stories: new Set(
          stories ? (JSON.parse(stories) as string[]) : known ? next.stories.map((s) => s.story.id) : [],
        ),
      };
      const sizes = [memory.known.size, memory.stories.size];
      const watermark = planned ? new Date(planned).getTime() : now.getTime();
      const found = findNews(next, memory, watermark, now.getTime());
      const set: Record<string, string> = {};
      if (found.length)
        set[STATE.pendingUpdates] = JSON.stringify([
          ...parsePending(values.get(STATE.pendingUpdates)),
          ...found,
        ]);
      if (!known || memory.known.size !== sizes[0])
        set[STATE.knownUpdates] = JSON.stringify([...memory.known]);
      if (!stories || memory.stories.size !== sizes[1])
        set[STATE.knownStories] = JSON.stringify([...memory.stories]);
      return { set, result: found };
    },
    now,
  );
}

/** The notices queued and not yet fanned out. */
export async function pendingNews(store: Store): Promise<UpdateItem[]> {
  return parsePending(await store.getState(STATE.pendingUpdates));
}

/** Strikes the notices fanned out (by key: other processes may have queued more meanwhile) off the list. */
export async function strikeOff(store: Store, done: readonly UpdateItem[], now: Date): Promise<void> {
  const keys = new Set(done.map((u) => u.key));
  await store.updateState(
    [STATE.pendingUpdates],
    (values) => ({
      set: {
        [STATE.pendingUpdates]: JSON.stringify(
          parsePending(values.get(STATE.pendingUpdates)).filter((u) => !keys.has(u.key)),
        ),
      },
      result: undefined,
    }),
    now,
  );
}

/** Moves the watermark to `to` unless another process has already moved it further. */
export async function advanceWatermark(store: Store, to: Date, now: Date): Promise<void> {
  await store.updateState(
    [STATE.plannedUntil],
    (values) => {
      const stored = values.get(STATE.plannedUntil);
      const further = stored !== undefined && new Date(stored).getTime() >= to.getTime();
      const set: Record<string, string> = further ? {} : { [STATE.plannedUntil]: to.toISOString() };
      return { set, result: undefined };
    },
    now,
  );
}
