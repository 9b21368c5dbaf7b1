/**
 * A loaded, validated dataset with the indexes the commands use. Every fact is indexed with the
 * instant from which it is both true and known (docs/decisions/0009-true-and-known-at-an-instant.md):
 * its own date (from the start of that day in the story's zone) or later, never before the report
 * that first said it (its first source) made it known (known.ts, docs/decisions/0017-known-from-per-statement.md). `indexStory` builds a story's indexes (indexers.ts, collection
 * by collection); `storyAt` (asof.ts) reads them at an instant.
 */
import type { LocalDate, When } from "../time/calendar.js";
import { localDateOf, wallTime } from "../time/calendar.js";
import { type History, type Visible, VisibleList } from "./history.js";
import {
  indexClaims,
  indexContext,
  indexDeadline,
  indexEvents,
  indexFigure,
  indexParty,
  indexPerson,
  indexPhase,
  indexSources,
  indexSummary,
} from "./indexers.js";
import type { Publication } from "./known.js";
import type {
  Claim,
  Deadline,
  DeadlineStatus,
  Figure,
  FigureValue,
  Party,
  PartyRole,
  Person,
  Phase,
  PhaseStatus,
  Source,
  StoryEvent,
  StoryFile,
} from "./schema.js";

/** An event's wording from one source on: the first report, or a later update. */
export interface EventVersion extends Visible {
  title: string;
  description?: string | undefined;
  attribution?: string | undefined;
  sourceIds: string[];
  evidence?: string | undefined;
}

export interface IndexedEvent extends StoryEvent, Visible {
  /** Its wording as reported, oldest first: `versions.at(t)` is what a reply at t says. */
  versions: History<EventVersion>;
  at: When;
  /** Position in the story's timeline (events in the order they happened). */
  order: number;
  /** Story-local calendar date of the event. */
  day: LocalDate;
}

/** One entry of a history: a value, from when it holds, and who says so. */
export interface Change<T> extends Visible {
  value: T;
  /** Epoch ms from which it holds (-Infinity: from the start). */
  from: number;
  note?: string | undefined;
  attribution?: string | undefined;
  /** A short quote from its first source that supports it. */
  evidence?: string | undefined;
  sourceIds: string[];
}

/** One due date of a deadline: the original (version 0) or a move. */
export interface DueVersion extends Visible {
  due: When;
  version: number;
  /** What alert keys of this due date say after the story id: the deadline id, plus `@due` for a move. */
  key: string;
  move?: Deadline["moves"][number] | undefined;
}

export interface DeadlineTrack {
  deadline: Deadline;
  /** When the deadline exists (was set or first reported). */
  existsFrom: number;
  dues: History<DueVersion>;
  statuses: History<Change<DeadlineStatus>>;
}

/** A phase's planned end: a date or instant, or null (in force until further notice). */
export interface EndVersion extends Visible {
  end: When | null;
  move?: Phase["moves"][number] | undefined;
}

export interface PhaseTrack {
  phase: Phase;
  existsFrom: number;
  /** Its terms, each known from its own first source. */
  terms: (Phase["terms"][number] & Visible)[];
  start: When | undefined;
  ends: History<EndVersion>;
  statuses: History<Change<PhaseStatus>>;
}

export interface IndexedValue extends FigureValue, Visible {
  /** For a value as first published and later corrected: from when the correction replaces it. */
  supersededFrom?: number;
}

export interface FigureTrack {
  figure: Figure;
  values: History<IndexedValue>;
}

export interface PartyTrack {
  party: Party;
  existsFrom: number;
  roles: History<Change<PartyRole[]>>;
}

export interface PersonTrack {
  person: Person;
  existsFrom: number;
  roles: History<Change<string>>;
}

export interface IndexedClaim extends Claim, Visible {
  at: When;
  /** Every party the statement is by (its own, its people's), for `/claims party:`. */
  partyIdsAll: string[];
}

/** A source with its publication read: `published` is the story-local day it was published. */
export interface IndexedSource extends Source, Visible {
  publication: Publication;
}

export interface Story extends StoryFile {
  file: string;
  sourcesById: Map<string, IndexedSource>;
  /** Events in the order they happened (see `orderEvents`), visible by instant. */
  timeline: VisibleList<IndexedEvent>;
  /** All distinct event tags, sorted. */
  tags: string[];
  /** Each tag's events, in timeline order (so a tag-filtered page costs a search, not a scan). */
  byTag: Map<string, VisibleList<IndexedEvent>>;
  deadlinesById: Map<string, Deadline>;
  tracks: {
    phases: PhaseTrack[];
    deadlines: DeadlineTrack[];
    deadlinesById: Map<string, DeadlineTrack>;
    figures: FigureTrack[];
    parties: PartyTrack[];
    people: PersonTrack[];
    /** Statements, oldest first. */
    claims: VisibleList<IndexedClaim>;
    sources: VisibleList<IndexedSource>;
    summary: History<Change<string>>;
  };
}

export interface Dataset {
  stories: Story[];
  byId: Map<string, Story>;
  defaultStory: Story;
}

export { isHistory } from "./history-fields.js";
export { dueKey, orderEvents } from "./indexers.js";
export { dayOf, endMs, startMs } from "./known.js";

/** Local wall-clock sort key of an instant, for code that compares points of one day as text. */
export function sortKeyOf(when: When, timeZone: string): { key: string; day: LocalDate } {
  if (when.precision === "date") return { key: when.date, day: when.date };
  const day = localDateOf(when.instant, timeZone);
  const w = wallTime(when.instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return { key: `${day}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`, day };
}

/**
 * First index whose day is on or after `day` in events sorted by day (a story's timeline, a tag's
 * list), by binary search: where a span of days starts, and (with the day after) where it ends.
 */
export function firstOnOrAfter(events: readonly Pick<IndexedEvent, "day">[], day: LocalDate): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((events[mid]?.day ?? "") < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function indexStory(file: string, data: StoryFile): Story {
  const cx = indexContext(data);
  const sources = indexSources(data.sources, cx.tz);
  const events = indexEvents(cx, data.events);
  const deadlines = data.deadlines.map((d) => indexDeadline(cx, d));
  return {
    ...data,
    file,
    sourcesById: new Map(sources.map((s) => [s.id, s])),
    timeline: new VisibleList(events.ordered),
    tags: [...events.byTag.keys()].sort(),
    byTag: new Map([...events.byTag].map(([tag, list]) => [tag, new VisibleList(list)])),
    deadlinesById: new Map(data.deadlines.map((d) => [d.id, d])),
    tracks: {
      phases: data.phases.map((p) => indexPhase(cx, p)),
      deadlines,
      deadlinesById: new Map(deadlines.map((t) => [t.deadline.id, t])),
      figures: data.figures.map((f) => indexFigure(cx, f)),
      parties: data.parties.map((p) => indexParty(cx, p)),
      people: data.people.map((p) => indexPerson(cx, p)),
      claims: new VisibleList(indexClaims(cx, data.claims, data.people)),
      sources: new VisibleList(sources),
      summary: indexSummary(cx, data.story.summary),
    },
  };
}
