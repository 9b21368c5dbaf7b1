/**
 * A loaded, validated dataset with the indexes the commands use. Every fact is indexed with the
 * instant from which it is both true and known (docs/decisions/0009-true-and-known-at-an-instant.md):
 * its own date (from the start of that day in the story's zone) or later, never before the earliest
 * source that reports it was published. `storyAt` (asof.ts) reads these indexes at an instant.
 */
import type { LocalDate, When } from "../time/calendar.js";
import { localDateOf, parseWhen, wallTime } from "../time/calendar.js";
import { History, type Visible, VisibleList } from "./history.js";
import { dayOf, endMs, knownFromSources, type Publication, publicationOf, startMs } from "./known.js";
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

export { dayOf, endMs, startMs } from "./known.js";

/**
 * The order events happened in. Days in order; within one day, each timed event carries the untimed
 * events written after it in the file (the curator's order), and these runs are ordered by time, so
 * two timed events are in time order and an untimed event never moves ahead of a timed one written
 * before it. Untimed events written before any timed one of their day come first.
 */
export function orderEvents<T extends { at: When; day: LocalDate }>(
  events: readonly T[],
  timeZone: string,
): T[] {
  const byDay = new Map<LocalDate, T[]>();
  for (const e of events) {
    const list = byDay.get(e.day);
    if (list) list.push(e);
    else byDay.set(e.day, [e]);
  }
  const out: T[] = [];
  for (const day of [...byDay.keys()].sort()) {
    const runs: { time: number; events: T[] }[] = [];
    for (const e of byDay.get(day) ?? []) {
      const last = runs[runs.length - 1];
      if (e.at.precision === "instant") runs.push({ time: startMs(e.at, timeZone), events: [e] });
      else if (last) last.events.push(e);
      else runs.push({ time: Number.NEGATIVE_INFINITY, events: [e] });
    }
    runs.sort((a, b) => a.time - b.time); // stable: equal times keep the file's order
    for (const run of runs) out.push(...run.events);
  }
  return out;
}

/** Local wall-clock sort key of an instant, for code that compares points of one day as text. */
export function sortKeyOf(when: When, timeZone: string): { key: string; day: LocalDate } {
  if (when.precision === "date") return { key: when.date, day: when.date };
  const day = localDateOf(when.instant, timeZone);
  const w = wallTime(when.instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return { key: `${day}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`, day };
}

/** A compact, key-safe spelling of a due date: 2025-03-08, or 20250308T0200Z for an instant. */
export function dueKey(when: When): string {
  if (when.precision === "date") return when.date;
  return when.instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+/, "")
    .replace(/\d\dZ$/, "Z");
}

/** What every entry of a history has in the file. */
interface ChangeFields {
  from: string;
  evidence?: string | undefined;
  note?: string | undefined;
  attribution?: string | undefined;
  sourceIds?: string[] | undefined;
}

/** Whether a history field is written as its history (a list of entries) rather than one value. */
export function isHistory<E extends ChangeFields>(value: unknown): value is E[] {
  return Array.isArray(value) && typeof value[0] === "object" && value[0] !== null;
}

const OUTCOMES: ReadonlySet<DeadlineStatus> = new Set(["met", "missed"]);

export function indexStory(file: string, data: StoryFile): Story {
  const tz = data.story.timeZone;
  const indexedSources = data.sources.map((s): IndexedSource => {
    const publication = publicationOf(s.published, tz);
    return { ...s, published: publication.day, publication, visibleFrom: publication.ms };
  });
  const sourcesById = new Map(indexedSources.map((s) => [s.id, s]));
  /** When what these sources report about `about` becomes known (docs/decisions/0017). */
  const known = knownFromSources(data.sources, tz);
  const at = (value: string) => startMs(parseWhen(value), tz);

  /** A history field in either form, as changes; the single form holds from the start. */
  function changes<T, V, E extends ChangeFields>(
    value: V | E[],
    single: (v: V) => { value: T; note?: string | undefined; sourceIds: string[] },
    entryValue: (e: E) => T,
    itemSources: string[],
    since: number,
    itemEvidence?: string,
  ): Change<T>[] {
    if (!isHistory<E>(value)) {
      return [
        { ...single(value), from: Number.NEGATIVE_INFINITY, visibleFrom: since, evidence: itemEvidence },
      ];
    }
    return value.map((e) => {
      const from = at(e.from);
      const sourceIds = e.sourceIds ?? itemSources;
      return {
        value: entryValue(e),
        from,
        visibleFrom: Math.max(from, since, known(sourceIds, parseWhen(e.from))),
        note: e.note,
        attribution: e.attribution,
        evidence: e.evidence,
        sourceIds,
      };
    });
  }

  const events = data.events.map((e) => {
    const when = parseWhen(e.when);
    // `reported` says when it became public; otherwise its first source says it.
    const visibleFrom = Math.max(startMs(when, tz), e.reported ? at(e.reported) : known(e.sourceIds, when));
    const first: EventVersion = {
      title: e.title,
      description: e.description,
      attribution: e.attribution,
      sourceIds: e.sourceIds,
      evidence: e.evidence,
      visibleFrom,
    };
    const later = e.updates.map(
      (u): EventVersion => ({
        title: u.title ?? e.title,
        description: u.description ?? e.description,
        attribution: u.attribution ?? e.attribution,
        sourceIds: u.sourceIds,
        evidence: u.evidence,
        visibleFrom: Math.max(visibleFrom, known(u.sourceIds, when)),
      }),
    );
    return {
      ...e,
      at: when,
      day: dayOf(when, tz),
      order: 0,
      visibleFrom,
      versions: new History([first, ...later]),
    };
  });
  const ordered = orderEvents(events, tz);
  ordered.forEach((e, i) => {
    e.order = i;
  });
  const byTagLists = new Map<string, IndexedEvent[]>();
  for (const event of ordered) {
    for (const tag of event.tags) {
      const list = byTagLists.get(tag);
      if (list) list.push(event);
      else byTagLists.set(tag, [event]);
    }
  }

  const deadlines = data.deadlines.map((d): DeadlineTrack => {
    const existsFrom = d.since ? at(d.since) : known(d.sourceIds, undefined);
    const original = parseWhen(d.due);
    const dueVersions: DueVersion[] = [
      { due: original, version: 0, key: d.id, visibleFrom: existsFrom },
      ...d.moves.map((m, i) => {
        const due = parseWhen(m.due);
        return {
          due,
          version: i + 1,
          key: `${d.id}@${dueKey(due)}`,
          move: m,
          visibleFrom: Math.max(at(m.at), existsFrom, known(m.sourceIds, parseWhen(m.at))),
        };
      }),
    ];
    const dues = new History(dueVersions);
    const raw = changes(
      d.status,
      (status) => ({ value: status, note: d.statusNote, sourceIds: d.sourceIds }),
      (e: { status: DeadlineStatus } & ChangeFields) => e.status,
      d.sourceIds,
      existsFrom,
      d.evidence,
    );
    // An outcome never takes effect before the due date in force when it was set has passed.
    const statuses = raw.map((c) => {
      if (!OUTCOMES.has(c.value)) return c;
      const due = (dues.at(Math.max(c.from, existsFrom)) ?? dueVersions[0])?.due ?? original;
      const over = endMs(due, tz);
      return { ...c, from: Math.max(c.from, over), visibleFrom: Math.max(c.visibleFrom, over) };
    });
    return { deadline: d, existsFrom, dues, statuses: new History(statuses) };
  });

  const phases = data.phases.map((p): PhaseTrack => {
    const existsFrom = known(p.sourceIds, undefined);
    const ends: EndVersion[] = [
      ...(p.end ? [{ end: parseWhen(p.end), visibleFrom: existsFrom }] : []),
      ...p.moves.map((m) => ({
        end: m.end === null ? null : parseWhen(m.end),
        move: m,
        visibleFrom: Math.max(at(m.at), existsFrom, known(m.sourceIds, parseWhen(m.at))),
      })),
    ];
    return {
      phase: p,
      existsFrom,
      terms: p.terms.map((t) => ({ ...t, visibleFrom: Math.max(existsFrom, known(t.sourceIds, undefined)) })),
      start: p.start ? parseWhen(p.start) : undefined,
      ends: new History(ends),
      statuses: new History(
        changes(
          p.status,
          (status) => ({ value: status, note: p.statusNote, sourceIds: p.sourceIds }),
          (e: { status: PhaseStatus } & ChangeFields) => e.status,
          p.sourceIds,
          existsFrom,
          p.evidence,
        ),
      ),
    };
  });

  // A corrected value is two entries: the wrong value as published, shown until the correction, and
  // the correct one after it (the next entry, so that it wins from then on).
  const figures = data.figures.map(
    (f): FigureTrack => ({
      figure: f,
      values: new History(
        f.values.flatMap((v): IndexedValue[] => {
          const visibleFrom = Math.max(at(v.asOf), known([v.sourceId], parseWhen(v.asOf)));
          if (!v.corrected) return [{ ...v, visibleFrom }];
          const correctedFrom = Math.max(visibleFrom, at(v.corrected.on));
          const { corrected: _, ...published } = v;
          return [
            { ...published, value: v.corrected.was, visibleFrom, supersededFrom: correctedFrom },
            { ...v, visibleFrom: correctedFrom },
          ];
        }),
      ),
    }),
  );

  const parties = data.parties.map((p): PartyTrack => {
    const existsFrom = known(p.sourceIds, undefined);
    const roles: Change<PartyRole[]>[] = p.roles
      ? changes(
          p.roles,
          (list: PartyRole[]) => ({ value: list, sourceIds: p.sourceIds }),
          (e: { roles: PartyRole[] } & ChangeFields) => e.roles,
          p.sourceIds,
          existsFrom,
          p.evidence,
        )
      : [
          {
            value: [p.role ?? "other"],
            from: Number.NEGATIVE_INFINITY,
            visibleFrom: existsFrom,
            sourceIds: p.sourceIds,
            evidence: p.evidence,
          },
        ];
    return { party: p, existsFrom, roles: new History(roles) };
  });

  const people = data.people.map((p): PersonTrack => {
    const existsFrom = known(p.sourceIds, undefined);
    return {
      person: p,
      existsFrom,
      roles: new History(
        changes(
          p.role,
          (role) => ({ value: role, sourceIds: p.sourceIds }),
          (e: { role: string } & ChangeFields) => e.role,
          p.sourceIds,
          existsFrom,
          p.evidence,
        ),
      ),
    };
  });

  const personParty = new Map(data.people.map((p) => [p.id, p.partyId]));
  const claims = data.claims
    .map((c, i) => {
      const when = parseWhen(c.when);
      const personIds = [...(c.personId ? [c.personId] : []), ...(c.personIds ?? [])];
      const partyIdsAll = [
        ...new Set([
          ...(c.partyId ? [c.partyId] : []),
          ...(c.partyIds ?? []),
          ...personIds.flatMap((id) => personParty.get(id) ?? []),
        ]),
      ];
      return {
        claim: {
          ...c,
          at: when,
          partyIdsAll,
          visibleFrom: Math.max(startMs(when, tz), known(c.sourceIds, when)),
        },
        key: startMs(when, tz),
        i,
      };
    })
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.claim);

  const summary = new History(
    changes(
      data.story.summary,
      (text) => ({ value: text, sourceIds: [] }),
      (e: { text: string } & ChangeFields) => e.text,
      [],
      Number.NEGATIVE_INFINITY,
    ),
  );

  return {
    ...data,
    file,
    sourcesById,
    timeline: new VisibleList(ordered),
    tags: [...byTagLists.keys()].sort(),
    byTag: new Map([...byTagLists].map(([tag, list]) => [tag, new VisibleList(list)])),
    deadlinesById: new Map(data.deadlines.map((d) => [d.id, d])),
    tracks: {
      phases,
      deadlines,
      deadlinesById: new Map(deadlines.map((t) => [t.deadline.id, t])),
      figures,
      parties,
      people,
      claims: new VisibleList(claims),
      sources: new VisibleList(indexedSources),
      summary,
    },
  };
}
