/**
 * The indexes of one story, collection by collection: each item with the instant from which it is
 * both true and known (docs/decisions/0009-true-and-known-at-an-instant.md): known from the report
 * that first said it (docs/decisions/0017-known-from-per-statement.md). `indexStory` (dataset.ts) puts
 * them together.
 */
import type { LocalDate, When } from "../time/calendar.js";
import { parseWhen } from "../time/calendar.js";
import type {
  Change,
  DeadlineTrack,
  DueVersion,
  EndVersion,
  EventVersion,
  FigureTrack,
  IndexedClaim,
  IndexedEvent,
  IndexedSource,
  IndexedValue,
  PartyTrack,
  PersonTrack,
  PhaseTrack,
} from "./dataset.js";
import { History } from "./history.js";
import { type ChangeFields, changesOf } from "./history-fields.js";
import { dayOf, endMs, knownFromSources, publicationOf, startMs } from "./known.js";
import type {
  Claim,
  Deadline,
  DeadlineStatus,
  Figure,
  Party,
  PartyRole,
  Person,
  Phase,
  PhaseStatus,
  Source,
  StoryEvent,
  StoryFile,
} from "./schema.js";

/** What every indexer of one story uses: its zone, and the instants its dates and sources give. */
export interface IndexContext {
  tz: string;
  /** The instant a date or instant of the file starts, on the story's calendar. */
  at: (value: string) => number;
  /** When what these sources report about `about` becomes known (docs/decisions/0017). */
  known: (ids: readonly string[] | undefined, about: When | undefined) => number;
}

export function indexContext(data: StoryFile): IndexContext {
  const tz = data.story.timeZone;
  return {
    tz,
    at: (value) => startMs(parseWhen(value), tz),
    known: knownFromSources(data.sources, tz),
  };
}

/** Sources with their publication read: each visible from when it was published. */
export function indexSources(sources: readonly Source[], tz: string): IndexedSource[] {
  return sources.map((s): IndexedSource => {
    const publication = publicationOf(s.published, tz);
    return { ...s, published: publication.day, publication, visibleFrom: publication.ms };
  });
}

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

/** An event with its wording as first reported and as each later source updated it. */
function indexEvent(cx: IndexContext, e: StoryEvent): IndexedEvent {
  const when = parseWhen(e.when);
  // `reported` says when it became public; otherwise its first source says it.
  const visibleFrom = Math.max(
    startMs(when, cx.tz),
    e.reported ? cx.at(e.reported) : cx.known(e.sourceIds, when),
  );
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
      visibleFrom: Math.max(visibleFrom, cx.known(u.sourceIds, when)),
    }),
  );
  return {
    ...e,
    at: when,
    day: dayOf(when, cx.tz),
    order: 0,
    visibleFrom,
    versions: new History([first, ...later]),
  };
}

/** Events in the order they happened (each numbered by it), and each tag's events in that order. */
export function indexEvents(
  cx: IndexContext,
  events: readonly StoryEvent[],
): { ordered: IndexedEvent[]; byTag: Map<string, IndexedEvent[]> } {
  const ordered = orderEvents(
    events.map((e) => indexEvent(cx, e)),
    cx.tz,
  );
  ordered.forEach((e, i) => {
    e.order = i;
  });
  const byTag = new Map<string, IndexedEvent[]>();
  for (const event of ordered) {
    for (const tag of event.tags) {
      const list = byTag.get(tag);
      if (list) list.push(event);
      else byTag.set(tag, [event]);
    }
  }
  return { ordered, byTag };
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

const OUTCOMES: ReadonlySet<DeadlineStatus> = new Set(["met", "missed"]);

/** A deadline's due dates (the original, then each move) and statuses, each visible when known. */
export function indexDeadline(cx: IndexContext, d: Deadline): DeadlineTrack {
  const existsFrom = d.since ? cx.at(d.since) : cx.known(d.sourceIds, undefined);
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
        visibleFrom: Math.max(cx.at(m.at), existsFrom, cx.known(m.sourceIds, parseWhen(m.at))),
      };
    }),
  ];
  const dues = new History(dueVersions);
  const raw = changesOf(
    cx,
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
    const over = endMs(due, cx.tz);
    return { ...c, from: Math.max(c.from, over), visibleFrom: Math.max(c.visibleFrom, over) };
  });
  return { deadline: d, existsFrom, dues, statuses: new History(statuses) };
}

/** A phase's terms, planned ends (the original, then each move) and statuses. */
export function indexPhase(cx: IndexContext, p: Phase): PhaseTrack {
  const existsFrom = cx.known(p.sourceIds, undefined);
  const ends: EndVersion[] = [
    ...(p.end ? [{ end: parseWhen(p.end), visibleFrom: existsFrom }] : []),
    ...p.moves.map((m) => ({
      end: m.end === null ? null : parseWhen(m.end),
      move: m,
      visibleFrom: Math.max(cx.at(m.at), existsFrom, cx.known(m.sourceIds, parseWhen(m.at))),
    })),
  ];
  return {
    phase: p,
    existsFrom,
    terms: p.terms.map((t) => ({
      ...t,
      visibleFrom: Math.max(existsFrom, cx.known(t.sourceIds, undefined)),
    })),
    start: p.start ? parseWhen(p.start) : undefined,
    ends: new History(ends),
    statuses: new History(
      changesOf(
        cx,
        p.status,
        (status) => ({ value: status, note: p.statusNote, sourceIds: p.sourceIds }),
        (e: { status: PhaseStatus } & ChangeFields) => e.status,
        p.sourceIds,
        existsFrom,
        p.evidence,
      ),
    ),
  };
}

/**
 * A figure's values. A corrected value is two entries: the wrong value as published, shown until the
 * correction, and the correct one after it (the next entry, so that it wins from then on).
 */
export function indexFigure(cx: IndexContext, f: Figure): FigureTrack {
  return {
    figure: f,
    values: new History(
      f.values.flatMap((v): IndexedValue[] => {
        const visibleFrom = Math.max(cx.at(v.asOf), cx.known([v.sourceId], parseWhen(v.asOf)));
        if (!v.corrected) return [{ ...v, visibleFrom }];
        const correctedFrom = Math.max(visibleFrom, cx.at(v.corrected.on));
        const { corrected: _, ...published } = v;
        return [
          { ...published, value: v.corrected.was, visibleFrom, supersededFrom: correctedFrom },
          { ...v, visibleFrom: correctedFrom },
        ];
      }),
    ),
  };
}

/** A party's roles: one role or several from the start, or their history. */
export function indexParty(cx: IndexContext, p: Party): PartyTrack {
  const existsFrom = cx.known(p.sourceIds, undefined);
  const roles: Change<PartyRole[]>[] = p.roles
    ? changesOf(
        cx,
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
}

/** A person's role, or its history. */
export function indexPerson(cx: IndexContext, p: Person): PersonTrack {
  const existsFrom = cx.known(p.sourceIds, undefined);
  return {
    person: p,
    existsFrom,
    roles: new History(
      changesOf(
        cx,
        p.role,
        (role) => ({ value: role, sourceIds: p.sourceIds }),
        (e: { role: string } & ChangeFields) => e.role,
        p.sourceIds,
        existsFrom,
        p.evidence,
      ),
    ),
  };
}

/** Statements, oldest first (the file's order within one instant), each with every party it is by. */
export function indexClaims(
  cx: IndexContext,
  claims: readonly Claim[],
  people: readonly Person[],
): IndexedClaim[] {
  const personParty = new Map(people.map((p) => [p.id, p.partyId]));
  return claims
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
          visibleFrom: Math.max(startMs(when, cx.tz), cx.known(c.sourceIds, when)),
        },
        key: startMs(when, cx.tz),
        i,
      };
    })
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.claim);
}

/** The story's summary, or its history. */
export function indexSummary(
  cx: IndexContext,
  summary: StoryFile["story"]["summary"],
): History<Change<string>> {
  return new History(
    changesOf(
      cx,
      summary,
      (text) => ({ value: text, sourceIds: [] }),
      (e: { text: string } & ChangeFields) => e.text,
      [],
      Number.NEGATIVE_INFINITY,
    ),
  );
}
