/**
 * A story as it stood at one instant: what was true and known then, read from the story's indexes
 * (dataset.ts, history.ts) by binary search. Every command answers through this view at its clock's
 * instant, so `ask --at`, `replay`, a reminder as it fires and the live bot follow one rule.
 */
import type { Language } from "../language/languages.js";
import { daysBetween, type LocalDate, localDateOf, type When } from "../time/calendar.js";
import {
  type Change,
  type DeadlineTrack,
  type DueVersion,
  dayOf,
  type EndVersion,
  type EventVersion,
  endMs,
  type FigureTrack,
  type IndexedClaim,
  type IndexedEvent,
  type IndexedSource,
  type IndexedValue,
  type PersonTrack,
  type PhaseTrack,
  type Story,
  startMs,
} from "./dataset.js";
import type { VisibleList } from "./history.js";
import type {
  Deadline,
  DeadlineStatus,
  Figure,
  Party,
  PartyRole,
  Person,
  Phase,
  PhaseStatus,
} from "./schema.js";
import { type Fallback, storyIn } from "./translate.js";

export interface PhaseNow {
  phase: Phase;
  track: PhaseTrack;
  start: When | undefined;
  /** The planned end in force: a point in time, null (until further notice) or undefined (none set). */
  end: When | null | undefined;
  /** The move that set the end in force, when it was moved. */
  endMove: EndVersion["move"];
  status: PhaseStatus;
  statusChange: Change<PhaseStatus> | undefined;
}

export interface DeadlineNow {
  deadline: Deadline;
  track: DeadlineTrack;
  /** The due date in force. */
  due: When;
  version: DueVersion;
  /** The due dates it had before, oldest first (the original first). */
  previous: DueVersion[];
  status: DeadlineStatus;
  statusChange: Change<DeadlineStatus> | undefined;
}

export interface FigureNow {
  figure: Figure;
  latest: IndexedValue;
  /** The value before the latest, when there is one. */
  previous: IndexedValue | undefined;
}

/** Statuses whose phase is over from the status's own instant, whatever its planned end. */
const TERMINAL: ReadonlySet<PhaseStatus> = new Set(["ended", "collapsed"]);

/**
 * Where a phase stands at an instant, in one word: not started (planned, under negotiation, or its
 * start still ahead), in force, suspended, disputed (in force or not depending on who says it: the
 * status entry says who), ended (ended, collapsed, or past its planned end), never began.
 */
export type PhaseState = "not-started" | "in-force" | "suspended" | "disputed" | "ended" | "never-began";

export class StoryAt {
  readonly t: number;
  readonly today: LocalDate;

  /**
   * `story` as read in `language` (its texts translated, or English marked: translate.ts), with the
   * texts that fell back to English: `storyAt(story, instant, language)` makes one.
   */
  constructor(
    readonly story: Story,
    readonly instant: Date,
    readonly language: Language = "en",
    readonly fallbacks: readonly Fallback[] = [],
  ) {
    this.t = instant.getTime();
    this.today = localDateOf(instant, story.story.timeZone);
  }

  get id(): string {
    return this.story.story.id;
  }

  get title(): string {
    return this.story.story.title;
  }

  get timeZone(): string {
    return this.story.story.timeZone;
  }

  /**
   * The date the data speaks for at this instant: the newest source published by then (at most the
   * story's own as-of date); today when no source was published yet.
   */
  get asOf(): LocalDate {
    const known = this.sources();
    let newest: LocalDate | undefined;
    for (const s of known) if (!newest || s.published > newest) newest = s.published;
    if (!newest) return this.today;
    return newest < this.story.story.asOf ? newest : this.story.story.asOf;
  }

  summary(): string | undefined {
    return this.story.tracks.summary.at(this.t)?.value;
  }

  phases(): PhaseNow[] {
    const out: PhaseNow[] = [];
    for (const track of this.story.tracks.phases) {
      if (track.existsFrom > this.t) continue;
      const endVersion = track.ends.at(this.t);
      const statusChange = track.statuses.at(this.t);
      out.push({
        phase: track.phase,
        track,
        start: track.start,
        end: endVersion ? endVersion.end : undefined,
        endMove: endVersion?.move,
        status: statusChange?.value ?? "planned",
        statusChange,
      });
    }
    return out;
  }

  deadlines(): DeadlineNow[] {
    const out: DeadlineNow[] = [];
    for (const track of this.story.tracks.deadlines) {
      const now = this.deadlineNow(track);
      if (now) out.push(now);
    }
    return out;
  }

  /** A deadline as it stood at this instant, or undefined before it existed. */
  deadlineNow(track: DeadlineTrack): DeadlineNow | undefined {
    if (track.existsFrom > this.t) return undefined;
    const version = track.dues.at(this.t) ?? track.dues.entries[0];
    if (!version) return undefined;
    const statusChange = track.statuses.at(this.t);
    return {
      deadline: track.deadline,
      track,
      due: version.due,
      version,
      previous: track.dues.entries.filter((v) => v.version < version.version && v.visibleFrom <= this.t),
      status: statusChange?.value ?? "scheduled",
      statusChange,
    };
  }

  figureNow(track: FigureTrack): FigureNow | undefined {
    const latest = track.values.at(this.t);
    if (!latest) return undefined;
    const index = track.values.entries.indexOf(latest);
    let previous: IndexedValue | undefined;
    for (let i = index - 1; i >= 0 && !previous; i--) {
      const v = track.values.entries[i];
      if (v && this.shows(v)) previous = v;
    }
    return { figure: track.figure, latest, previous };
  }

  figures(): FigureNow[] {
    return this.story.tracks.figures.flatMap((f) => this.figureNow(f) ?? []);
  }

  /** A figure's values known at this instant, oldest first (a corrected value once, as corrected). */
  figureHistory(track: FigureTrack): IndexedValue[] {
    return track.values.visibleAt(this.t).filter((v) => this.shows(v));
  }

  /** Whether a value is known at this instant and not yet replaced by its correction. */
  private shows(v: IndexedValue): boolean {
    return v.visibleFrom <= this.t && !(v.supersededFrom !== undefined && v.supersededFrom <= this.t);
  }

  parties(): { party: Party; roles: PartyRole[]; change: Change<PartyRole[]> }[] {
    return this.story.tracks.parties.flatMap((p) => {
      const change = p.existsFrom <= this.t ? p.roles.at(this.t) : undefined;
      return change ? [{ party: p.party, roles: change.value, change }] : [];
    });
  }

  people(): { person: Person; role: string; change: Change<string> }[] {
    return this.story.tracks.people.flatMap((p) => {
      const change = p.existsFrom <= this.t ? p.roles.at(this.t) : undefined;
      return change ? [{ person: p.person, role: change.value, change }] : [];
    });
  }

  claims(): IndexedClaim[] {
    return this.story.tracks.claims.all(this.t);
  }

  sources(): IndexedSource[] {
    return this.story.tracks.sources.all(this.t);
  }

  /** Whether a source was published by this instant (replies cite only those). */
  knowsSource(id: string): boolean {
    const s = this.story.sourcesById.get(id);
    return s !== undefined && s.publication.ms <= this.t;
  }

  /** A phase's terms known at this instant. */
  terms(p: PhaseNow): PhaseTrack["terms"] {
    return p.track.terms.filter((t) => t.visibleFrom <= this.t);
  }

  /** An event as reported by this instant: its first wording, or the latest update known. */
  eventVersion(e: IndexedEvent): EventVersion {
    return e.versions.at(this.t) ?? (e.versions.entries[0] as EventVersion);
  }

  /** The tags of the events known at this instant, sorted. */
  tags(): string[] {
    return this.story.tags.filter((tag) => (this.story.byTag.get(tag)?.count(this.t) ?? 0) > 0);
  }

  /**
   * A person's role when they spoke at `when`: the latest of their roles known at this instant that
   * held from then, else the role known now.
   */
  roleAt(track: PersonTrack, when: number): Change<string> | undefined {
    let held: Change<string> | undefined;
    for (const entry of track.roles.entries) {
      if (entry.visibleFrom <= this.t && entry.from <= when) held = entry;
    }
    return held ?? track.roles.at(this.t);
  }

  /** The timeline (or a tag's events) as known at this instant. */
  events(tag?: string): VisibleList<IndexedEvent> | undefined {
    return tag ? this.story.byTag.get(tag) : this.story.timeline;
  }

  /** The phase's state at this instant: its status when that says more than its schedule. */
  phaseState(p: PhaseNow): PhaseState {
    if (p.status === "never-began" || p.status === "suspended" || p.status === "disputed") return p.status;
    const m = this.phaseMoment(p);
    if (m.state === "after" || TERMINAL.has(p.status)) return "ended";
    return m.state === "during" ? "in-force" : "not-started";
  }

  /** Where this instant stands in a phase's schedule. */
  phaseMoment(p: PhaseNow): PhaseMoment {
    const tz = this.timeZone;
    if (!p.start) return { state: "unscheduled" };
    if (startMs(p.start, tz) > this.t) return { state: "before", start: p.start };
    const change = p.statusChange;
    if (change && TERMINAL.has(change.value) && Number.isFinite(change.from) && change.from <= this.t) {
      const instant = new Date(change.from);
      return {
        state: "after",
        ended: { precision: "instant", instant, iso: instant.toISOString() },
        status: change.value,
      };
    }
    if (p.end && endMs(p.end, tz) <= this.t) return { state: "after", ended: p.end };
    const day = Math.max(1, dayNumber(p.start, this.t, tz));
    if (p.end === null) return { state: "during", day, openEnded: true };
    if (p.end === undefined) return { state: "during", day };
    const unchanged = p.endMove === undefined && p.phase.lengthDays !== undefined;
    const of = unchanged ? (p.phase.lengthDays ?? 0) : dayNumber(p.start, endMs(p.end, tz) - 1, tz);
    return { state: "during", day: Math.min(day, of), of, end: p.end };
  }
}

export type PhaseMoment =
  | { state: "unscheduled" }
  | { state: "before"; start: When }
  | { state: "during"; day: number; of?: number; end?: When; openEnded?: boolean }
  | { state: "after"; ended: When; status?: PhaseStatus };

/**
 * Day N of a period that started at `start`, at instant `t`: calendar days in the story's zone, its
 * first day (from the start, whatever its hour) day 1, the day after day 2. Every reply counts days
 * this way, so /phase's "day 41 of 42" and /deadlines' "tomorrow" agree.
 */
export function dayNumber(start: When, t: number, timeZone: string): number {
  return daysBetween(dayOf(start, timeZone), localDateOf(new Date(t), timeZone)) + 1;
}

/**
 * The story at an instant, its texts in `language` (English by default): translated where the file
 * has a translation, else in English with the fallback mark ("(in English)" in that language).
 */
export function storyAt(story: Story, instant: Date, language: Language = "en"): StoryAt {
  const read = storyIn(story, language);
  return new StoryAt(read.story, instant, language, read.fallbacks);
}
