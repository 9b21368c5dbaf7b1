/**
 * Which scheduled events each server should have at an instant, and what the sync does to get there:
 * pure functions of the dataset, the subscriptions of kind `events`, the rows the store keeps and the
 * instant. A server subscribed to a story gets one external event per deadline of that story that is
 * upcoming as known then (storyAt: its due date in force, not met, missed or cancelled, and its start
 * still ahead). An event runs from the due instant for an hour, or over the whole due day in the
 * story's zone for a date-only deadline. Its text is the deadline's title, its phrase and due date,
 * who moved it, its sources (as known then), and the marker that finds it again after a crash.
 */
import { createHash } from "node:crypto";
import { type DeadlineNow, type StoryAt, storyAt } from "../dataset/asof.js";
import type { Dataset, Story } from "../dataset/dataset.js";
import type { DeadlineStatus } from "../dataset/schema.js";
import { cutText } from "../dataset/text-safety.js";
import { markerFor } from "../delivery/marker.js";
import { ENGLISH, type Words, wordsFor } from "../language/words.js";
import type { EventRef, EventRow } from "../store/event-store.js";
import { ALL_STORIES, type Subscription } from "../store/store.js";
import { addDays, zonedInstant } from "../time/calendar.js";
import type { EventSpec, ScheduledEvents } from "./port.js";

export interface WantedEvent {
  ref: EventRef;
  spec: EventSpec;
  marker: string;
  /** What the event says, in short: a row whose `synced` differs is out of date. */
  fingerprint: string;
}

/**
 * - create: the deadline has no live event yet (look it up by its marker first);
 * - update: the event says something else (the deadline moved, its text or sources changed);
 * - cancel: the deadline closed before its event began (cancelled, met or missed early), or is gone;
 * - remove: the server no longer subscribes to the story (/unsubscribe): its events go;
 * - forget: the event has begun (the platform runs and ends it): nothing more to do.
 */
export type EventAction = "create" | "update" | "cancel" | "remove" | "forget";

export interface EventStep {
  ref: EventRef;
  action: EventAction;
  /** The event as it should be (create, update). */
  wanted?: WantedEvent;
  /** The row as it stood when planned. */
  row?: EventRow;
}

type Limits = ScheduledEvents["limits"];

const HOUR = 3_600_000;
/** Statuses after which a deadline has no event. */
const CLOSED: ReadonlySet<DeadlineStatus> = new Set(["met", "missed", "cancelled"]);
const MAX_SOURCES = 3;

export function refKey(ref: EventRef): string {
  return `${ref.platform}|${ref.workspaceId}|${ref.story}|${ref.deadline}`;
}

/** The marker an event's description carries: the same in every process and across restarts. */
export function eventMarker(ref: EventRef): string {
  return markerFor(`event:${ref.platform}:${ref.workspaceId}:${ref.story}:${ref.deadline}`);
}

export function markerLine(marker: string): string {
  return `ref ${marker}`;
}

/** `text` cut to `max` UTF-16 units with an ellipsis, never inside a character nor a bidirectional isolate. */
function clip(text: string, max: number): string {
  return cutText(text, max);
}

/** When the event runs: the due instant for an hour, or the due day in the story's zone. */
export function eventWindow(d: DeadlineNow, timeZone: string): { start: Date; end: Date } {
  if (d.due.precision === "instant") {
    return { start: d.due.instant, end: new Date(d.due.instant.getTime() + HOUR) };
  }
  return {
    start: zonedInstant(d.due.date, 0, 0, timeZone),
    end: zonedInstant(addDays(d.due.date, 1), 0, 0, timeZone),
  };
}

/** The deadline's phrase and when it is due: "Phase one ends on Saturday 1 March 2025.". */
function dueLine(d: DeadlineNow, timeZone: string, words: Words): string {
  const phrase = d.deadline.phrase;
  return d.due.precision === "instant"
    ? words.t("events.due.instant", { phrase, when: words.instant(d.due.instant, timeZone) })
    : words.t("events.due.date", { phrase, date: words.longDate(d.due.date) });
}

/** The description's lines before the marker, in `words`: phrase and date, move, status, sources known then. */
function descriptionLines(at: StoryAt, story: Story, d: DeadlineNow, words: Words): string[] {
  const zone = story.story.timeZone;
  const lines = [dueLine(d, zone, words)];
  const move = d.version.move;
  if (move) {
    lines.push(words.t("events.moved", { kind: words.t(`events.kind.${move.kind}`), by: move.attribution }));
  }
  const change = d.statusChange;
  if (d.status !== "scheduled" && change) {
    const status = words.t(`events.state.${d.status}`);
    lines.push(
      change.attribution
        ? words.t("events.status.by", { status, by: change.attribution })
        : words.t("events.status", { status }),
    );
  }
  const ids = [...(move?.sourceIds ?? []), ...d.deadline.sourceIds];
  const sources = [...new Set(ids)]
    .filter((id) => at.knowsSource(id))
    .map((id) => story.sourcesById.get(id))
    .filter((s) => s !== undefined)
    .slice(0, MAX_SOURCES);
  for (const s of sources) {
    const source = `${[s.publisher, s.title].filter(Boolean).join(", ")}${s.url ? ` ${s.url}` : ""}`;
    lines.push(words.t("events.source", { source }));
  }
  return lines;
}

export function fingerprintOf(spec: EventSpec): string {
  const text = JSON.stringify([
    spec.name,
    spec.description,
    spec.location,
    spec.start.toISOString(),
    spec.end.toISOString(),
  ]);
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The event of one deadline as known at `at`, in `words`, within the platform's limits. */
export function eventSpec(
  at: StoryAt,
  story: Story,
  d: DeadlineNow,
  marker: string,
  limits: Limits,
  words: Words = ENGLISH,
): EventSpec {
  const tag = markerLine(marker);
  const body = clip(descriptionLines(at, story, d, words).join("\n"), limits.description - tag.length - 1);
  return {
    name: clip(d.deadline.title, limits.name),
    description: `${body}\n${tag}`,
    location: clip(story.story.title, limits.location),
    ...eventWindow(d, story.story.timeZone),
  };
}

/** Whether the deadline, as known at `now`, gets an event: not closed, and not begun. */
function upcoming(d: DeadlineNow, timeZone: string, now: Date): boolean {
  return !CLOSED.has(d.status) && eventWindow(d, timeZone).start.getTime() > now.getTime();
}

function followed(dataset: Dataset, sub: Subscription): Story[] {
  if (sub.story === ALL_STORIES) return dataset.stories;
  const story = dataset.byId.get(sub.story);
  return story ? [story] : [];
}

/**
 * The events a platform's servers should have at `now`, each once per server, in the language of the
 * first of the server's subscriptions that brings it (English when it has none).
 */
export function wantedEvents(
  dataset: Dataset,
  subs: readonly Subscription[],
  platform: string,
  limits: Limits,
  now: Date,
): WantedEvent[] {
  const wanted = new Map<string, WantedEvent>();
  for (const sub of subs) {
    if (!sub.active || sub.kind !== "events" || sub.platform !== platform) continue;
    for (const story of followed(dataset, sub)) {
      const at = storyAt(story, now);
      for (const d of at.deadlines()) {
        if (!upcoming(d, story.story.timeZone, now)) continue;
        const ref = {
          platform,
          workspaceId: sub.workspaceId,
          story: story.story.id,
          deadline: d.deadline.id,
        };
        const key = refKey(ref);
        if (wanted.has(key)) continue;
        const marker = eventMarker(ref);
        const spec = eventSpec(at, story, d, marker, limits, wordsFor(sub.language ?? "en"));
        wanted.set(key, { ref, spec, marker, fingerprint: fingerprintOf(spec) });
      }
    }
  }
  return [...wanted.values()];
}

/** Whether a server still follows a story for its events. */
function subscribed(subs: readonly Subscription[], ref: EventRef): boolean {
  return subs.some(
    (s) =>
      s.active &&
      s.kind === "events" &&
      s.platform === ref.platform &&
      s.workspaceId === ref.workspaceId &&
      (s.story === ALL_STORIES || s.story === ref.story),
  );
}

/** What becomes of a live event no longer wanted: removed, cancelled, or left to end by itself. */
function unwanted(dataset: Dataset, subs: readonly Subscription[], ref: EventRef, now: Date): EventAction {
  if (!subscribed(subs, ref)) return "remove";
  const story = dataset.byId.get(ref.story);
  const track = story?.tracks.deadlinesById.get(ref.deadline);
  const d = story && track ? storyAt(story, now).deadlineNow(track) : undefined;
  // Begun: the platform ends it at its end time, whatever became of the deadline (met, missed).
  if (story && d && eventWindow(d, story.story.timeZone).start.getTime() <= now.getTime()) return "forget";
  return "cancel";
}

/** The step one event needs, from its row (if any) and what is wanted (if anything); undefined: none. */
export function stepFor(
  context: { dataset: Dataset; subs: readonly Subscription[]; now: Date },
  ref: EventRef,
  row: EventRow | undefined,
  wanted: WantedEvent | undefined,
): EventStep | undefined {
  const live = row !== undefined && !row.ended;
  if (wanted) {
    if (!live || row.eventId === undefined) return { ref, action: "create", wanted, ...(row ? { row } : {}) };
    return row.synced === wanted.fingerprint ? undefined : { ref, action: "update", wanted, row };
  }
  if (!live) return undefined;
  return { ref, action: unwanted(context.dataset, context.subs, ref, context.now), row };
}

/** Every step a platform's servers need at `now`, grouped by server in the order of the rows and wants. */
export function planSteps(
  context: { dataset: Dataset; subs: readonly Subscription[]; now: Date },
  wanted: readonly WantedEvent[],
  rows: readonly EventRow[],
): EventStep[] {
  const byKey = new Map(rows.map((r) => [refKey(r), r]));
  const wants = new Map(wanted.map((w) => [refKey(w.ref), w]));
  const keys = [...new Set([...wants.keys(), ...byKey.keys()])];
  const steps = keys.flatMap((key) => {
    const row = byKey.get(key);
    const want = wants.get(key);
    const ref = want?.ref ?? row;
    const step = ref && stepFor(context, refOf(ref), row, want);
    return step ? [step] : [];
  });
  return steps.sort((a, b) => a.ref.workspaceId.localeCompare(b.ref.workspaceId));
}

/** Just the reference of a row (or anything naming an event). */
export function refOf(ref: EventRef): EventRef {
  return { platform: ref.platform, workspaceId: ref.workspaceId, story: ref.story, deadline: ref.deadline };
}
