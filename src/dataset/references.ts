/**
 * The checks of a story file that its schema cannot make: ids unique and every reference resolving,
 * histories and moves oldest first and each move in its direction, and phases' dates in order. Errors
 * come in one fixed order: duplicate ids; the items' sources and phases' dates; histories and moves;
 * the other citations.
 */
import { daysBetween, isValidTimeZone, localDateOf, parseWhen, type When } from "../time/calendar.js";
import type { DataError } from "./data-errors.js";
import { isHistory } from "./history-fields.js";
import type { MoveKind, Phase, StoryFile } from "./schema.js";

/** Compares two points on the story's calendar; day precision wins when they differ. */
function compareWhen(a: When, b: When, timeZone: string): number {
  if (a.precision === "instant" && b.precision === "instant")
    return a.instant.getTime() - b.instant.getTime();
  const da = a.precision === "date" ? a.date : localDateOf(a.instant, timeZone);
  const db = b.precision === "date" ? b.date : localDateOf(b.instant, timeZone);
  return da < db ? -1 : da > db ? 1 : 0;
}

/** What the checks of one file share: where errors go, the story's zone, and the ids it holds. */
interface Checks {
  tz: string;
  err: (path: string, message: string) => void;
  /** Reports `value` if it is not one of the `known` ids of a `what`. */
  ref: (path: string, value: string | undefined, known: Set<string>, what: string) => void;
  /** Reports every source id of a list that no source has. */
  refs: (path: string, values: readonly string[]) => void;
  sources: Set<string>;
  parties: Set<string>;
  people: Set<string>;
  phases: Set<string>;
}

/** The checks of one file, once each collection's ids are found unique (duplicates are reported). */
function checksOf(file: string, data: StoryFile, errors: DataError[]): Checks {
  const err = (path: string, message: string) => {
    errors.push({ file, path, message });
  };
  const unique = (name: string, items: readonly { id: string }[]) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) err(`${name}[${i}].id`, `duplicate id "${item.id}" (also ${name}[${first}])`);
      else seen.set(item.id, i);
    });
    return new Set(items.map((x) => x.id));
  };
  const sources = unique("sources", data.sources);
  const parties = unique("parties", data.parties);
  const people = unique("people", data.people);
  const phases = unique("phases", data.phases);
  unique("figures", data.figures);
  unique("events", data.events);
  unique("deadlines", data.deadlines);
  unique("claims", data.claims);
  unique("feeds", data.feeds);

  const ref = (path: string, value: string | undefined, known: Set<string>, what: string) => {
    if (value !== undefined && !known.has(value)) err(path, `unknown ${what} id "${value}"`);
  };
  const refs = (path: string, values: readonly string[]) =>
    values.forEach((v, i) => {
      ref(`${path}[${i}]`, v, sources, "source");
    });
  return { tz: data.story.timeZone, err, ref, refs, sources, parties, people, phases };
}

export function checkReferences(file: string, data: StoryFile): DataError[] {
  const errors: DataError[] = [];
  const c = checksOf(file, data, errors);
  checkItems(c, data);
  checkHistories(c, data);
  checkCitations(c, data);
  return errors;
}

/** The sources of parties, people and phases (and phases' terms), and each phase's dates. */
function checkItems(c: Checks, data: StoryFile): void {
  data.parties.forEach((p, i) => {
    c.refs(`parties[${i}].sourceIds`, p.sourceIds);
  });
  data.people.forEach((p, i) => {
    c.refs(`people[${i}].sourceIds`, p.sourceIds);
    c.ref(`people[${i}].partyId`, p.partyId, c.parties, "party");
  });
  let previousStart: { when: When; index: number } | undefined;
  data.phases.forEach((p, i) => {
    c.refs(`phases[${i}].sourceIds`, p.sourceIds);
    p.terms.forEach((t, j) => {
      c.refs(`phases[${i}].terms[${j}].sourceIds`, t.sourceIds);
    });
    previousStart = checkPhaseDates(c, p, i, previousStart);
  });
}

/**
 * A phase's dates: it ends after it starts, lasts the days it says, and starts after the phase before
 * it. Returns where the next phase may start from.
 */
function checkPhaseDates(
  c: Checks,
  p: Phase,
  i: number,
  previousStart: { when: When; index: number } | undefined,
): { when: When; index: number } | undefined {
  const start = p.start ? parseWhen(p.start) : undefined;
  const end = p.end ? parseWhen(p.end) : undefined;
  if (start && end && compareWhen(end, start, c.tz) < 0)
    c.err(`phases[${i}].end`, `ends (${p.end}) before it starts (${p.start})`);
  if (start && end && p.lengthDays !== undefined && start.precision === "date" && end.precision === "date") {
    const days = daysBetween(start.date, end.date) + 1;
    if (days !== p.lengthDays)
      c.err(`phases[${i}].lengthDays`, `is ${p.lengthDays} but ${p.start} to ${p.end} is ${days} days`);
  }
  if (!start) return previousStart;
  if (previousStart && compareWhen(start, previousStart.when, c.tz) < 0) {
    c.err(`phases[${i}].start`, `phases must be in order: starts before phases[${previousStart.index}]`);
  }
  return { when: start, index: i };
}

/** A history's entries must be oldest first. */
function checkInOrder(c: Checks, path: string, entries: readonly { from: string }[]): void {
  entries.forEach((e, j) => {
    const prev = entries[j - 1];
    if (prev && compareWhen(parseWhen(e.from), parseWhen(prev.from), c.tz) < 0)
      c.err(`${path}[${j}].from`, `a history must be oldest first: ${e.from} is before ${prev.from}`);
  });
}

/** References and order of a history field written as a history. */
function checkHistory(c: Checks, path: string, value: unknown): void {
  if (!isHistory<{ from: string; sourceIds?: string[] }>(value)) return;
  value.forEach((e, j) => {
    if (e.sourceIds) c.refs(`${path}[${j}].sourceIds`, e.sourceIds);
  });
  checkInOrder(c, path, value);
}

/** One move of a date, with the date it moves to (`null`: until further notice). */
interface Move {
  at: string;
  kind: MoveKind;
  sourceIds: string[];
  value: string | null;
}

/**
 * Moves of a date (a deadline's due date, a phase's end): oldest first, each after the item existed,
 * and each in the direction its kind says.
 */
function checkMoves(
  c: Checks,
  path: string,
  list: readonly Move[],
  original: string | undefined,
  existed: string | undefined,
  what: string,
): void {
  let previous = original;
  list.forEach((m, j) => {
    c.refs(`${path}[${j}].sourceIds`, m.sourceIds);
    const prev = list[j - 1];
    if (prev && compareWhen(parseWhen(m.at), parseWhen(prev.at), c.tz) < 0)
      c.err(`${path}[${j}].at`, `moves must be oldest first: ${m.at} is before ${prev.at}`);
    if (existed && compareWhen(parseWhen(m.at), parseWhen(existed), c.tz) < 0)
      c.err(`${path}[${j}].at`, `a move on ${m.at} is before the ${what} existed (${existed})`);
    if (previous && m.value !== null) {
      const order = compareWhen(parseWhen(m.value), parseWhen(previous), c.tz);
      if (m.kind === "brought-forward" ? order >= 0 : order <= 0)
        c.err(
          `${path}[${j}].kind`,
          `"${m.kind}" but ${m.value} is ${order === 0 ? "the same as" : order < 0 ? "before" : "after"} ${previous}`,
        );
    } else if (m.value === null && m.kind === "brought-forward") {
      c.err(`${path}[${j}].kind`, '"brought-forward" needs a new date (null means until further notice)');
    }
    previous = m.value ?? undefined;
  });
}

/**
 * Every history and move: the summary's, parties' roles, people's roles, phases' and deadlines'
 * statuses and moves; events reported after they happened; the people and parties of joint claims.
 */
function checkHistories(c: Checks, data: StoryFile): void {
  const published = new Map(data.sources.map((s) => [s.id, s.published]));
  /** When an item was first reported: its first source's publication (date or instant). */
  const firstReported = (ids: readonly string[]) =>
    ids[0] === undefined ? undefined : published.get(ids[0]);

  checkHistory(c, "story.summary", data.story.summary);
  data.parties.forEach((p, i) => {
    if (p.role !== undefined && p.roles !== undefined)
      c.err(`parties[${i}].roles`, "give either role or roles, not both");
    if (p.role === undefined && p.roles === undefined) c.err(`parties[${i}].role`, "is required (or roles)");
    checkHistory(c, `parties[${i}].roles`, p.roles);
  });
  data.people.forEach((p, i) => {
    checkHistory(c, `people[${i}].role`, p.role);
  });
  data.phases.forEach((p, i) => {
    checkHistory(c, `phases[${i}].status`, p.status);
    const moves = p.moves.map((m) => ({ ...m, value: m.end }));
    checkMoves(c, `phases[${i}].moves`, moves, p.end, firstReported(p.sourceIds), "phase");
    p.moves.forEach((m, j) => {
      if (m.end && p.start && compareWhen(parseWhen(m.end), parseWhen(p.start), c.tz) < 0)
        c.err(`phases[${i}].moves[${j}].end`, `ends (${m.end}) before it starts (${p.start})`);
    });
  });
  data.deadlines.forEach((d, i) => {
    checkHistory(c, `deadlines[${i}].status`, d.status);
    const moves = d.moves.map((m) => ({ ...m, value: m.due }));
    checkMoves(c, `deadlines[${i}].moves`, moves, d.due, d.since ?? firstReported(d.sourceIds), "deadline");
  });
  data.events.forEach((e, i) => {
    if (e.reported && compareWhen(parseWhen(e.reported), parseWhen(e.when), c.tz) < 0)
      c.err(`events[${i}].reported`, `reported (${e.reported}) before it happened (${e.when})`);
  });
  data.claims.forEach((cl, i) => {
    cl.personIds?.forEach((id, j) => {
      c.ref(`claims[${i}].personIds[${j}]`, id, c.people, "person");
    });
    cl.partyIds?.forEach((id, j) => {
      c.ref(`claims[${i}].partyIds[${j}]`, id, c.parties, "party");
    });
  });
}

/** The citations of figures' values (and their order), events, deadlines and claims. */
function checkCitations(c: Checks, data: StoryFile): void {
  data.figures.forEach((f, i) => {
    f.values.forEach((v, j) => {
      c.ref(`figures[${i}].values[${j}].sourceId`, v.sourceId, c.sources, "source");
      const prev = f.values[j - 1];
      if (prev && v.asOf < prev.asOf)
        c.err(
          `figures[${i}].values[${j}].asOf`,
          `values must be oldest first: ${v.asOf} is before ${prev.asOf}`,
        );
    });
  });
  data.events.forEach((e, i) => {
    c.refs(`events[${i}].sourceIds`, e.sourceIds);
  });
  data.deadlines.forEach((d, i) => {
    c.refs(`deadlines[${i}].sourceIds`, d.sourceIds);
    c.ref(`deadlines[${i}].phaseId`, d.phaseId, c.phases, "phase");
  });
  data.claims.forEach((cl, i) => {
    c.refs(`claims[${i}].sourceIds`, cl.sourceIds);
    c.ref(`claims[${i}].personId`, cl.personId, c.people, "person");
    c.ref(`claims[${i}].partyId`, cl.partyId, c.parties, "party");
  });
}

/** The collections a story file holds, and what one item of each is called in error messages. */
const COLLECTIONS = {
  sources: "source",
  parties: "party",
  people: "person",
  phases: "phase",
  figures: "figure",
  events: "event",
  deadlines: "deadline",
  claims: "claim",
  feeds: "feed",
} as const;

/**
 * Reference errors of a file that failed the schema, so that a curator sees every error at once.
 * The data is not trusted here: anything that cannot be checked is left to the next run.
 */
export function bestEffortReferences(file: string, raw: unknown, schemaErrors: DataError[]): DataError[] {
  if (typeof raw !== "object" || raw === null) return [];
  const data = { ...(raw as Record<string, unknown>) };
  // A collection that is missing or not a list is already a schema error: ids pointing into it are
  // not reported again as unknown.
  const missing: string[] = [];
  for (const [key, singular] of Object.entries(COLLECTIONS)) {
    if (!Array.isArray(data[key])) {
      data[key] = [];
      missing.push(`unknown ${singular} id`);
    }
  }
  // Dates are compared on the story's calendar: with a zone that is itself an error, use UTC's.
  const story =
    typeof data.story === "object" && data.story !== null ? (data.story as Record<string, unknown>) : {};
  const zone = typeof story.timeZone === "string" && isValidTimeZone(story.timeZone) ? story.timeZone : "UTC";
  data.story = { ...story, timeZone: zone };
  for (const key of ["phases", "events", "deadlines"] as const) {
    data[key] = (data[key] as Record<string, unknown>[]).map((x) => ({
      terms: [],
      tags: [],
      moves: [],
      ...x,
    }));
  }
  try {
    const already = new Set(schemaErrors.map((e) => e.path));
    return checkReferences(file, data as unknown as StoryFile).filter(
      (e) => !already.has(e.path) && !missing.some((m) => e.message.startsWith(m)),
    );
  } catch {
    return [];
  }
}
