/**
 * Every statement a story file lets the bot show — an event and each later update of it, a figure
 * value, a phase, its status entries, moves and terms, a deadline, its status entries and moves, a
 * party or person and each of their roles, a claim, a summary entry — with its path in the file,
 * the texts a reply may show, the sources it cites, its evidence, and the instant it becomes visible
 * by the rules of known.ts. `validate` checks each one (hindsight.ts); the tests read them as the
 * independent account of what may be shown when.
 */
import { parseWhen, type When } from "../time/calendar.js";
import { type ChangeFields, isHistory } from "./history-fields.js";
import { sourceKnownFrom, startMs } from "./known.js";
import type { StoryFile } from "./schema.js";

export type StatementKind =
  | "summary"
  | "party"
  | "party-roles"
  | "person"
  | "person-role"
  | "phase"
  | "phase-status"
  | "phase-move"
  | "term"
  | "figure-value"
  | "event"
  | "event-update"
  | "deadline"
  | "deadline-status"
  | "deadline-move"
  | "claim";

export interface Statement {
  path: string;
  kind: StatementKind;
  /** What a reply may show of it, verbatim from the file. */
  texts: string[];
  /** The sources it cites, the first one first. */
  sourceIds: string[];
  evidence: string | undefined;
  /** What it is about (when it happened, or from when it holds), for the source-known rule. */
  about: When | undefined;
  /** Epoch ms from which it holds (-Infinity: from the start). */
  trueFrom: number;
  /** Epoch ms from which it is known: its first source's rule, or an explicit `since`/`reported`. */
  knownFrom: number;
  /** Epoch ms from which replies may show it: true, known, and its item shown. */
  visibleFrom: number;
  /** Dates a deadline or phase schedules (a due date, a planned start or end). */
  scheduled: When[];
  /**
   * Of `texts`, those that explain how a scheduled date was set or computed (a deadline's or phase's
   * `derived`): they name the dates the schedule counts from, so the hindsight check leaves them be.
   */
  scheduleTexts: string[];
  /** Who says it or said it (an attribution, a claim's speaker): names that other replies use too. */
  names: string[];
}

interface Draft {
  path: string;
  kind: StatementKind;
  texts: (string | undefined)[];
  sourceIds: readonly string[];
  evidence?: string | undefined;
  about?: string | undefined;
  /** When the statement holds from (default: `about`, or the start). */
  from?: string | undefined;
  /** An explicit known-from that replaces the source rule. */
  known?: string | undefined;
  /** The item it belongs to: never shown before it. */
  parent?: Statement | undefined;
  scheduled?: (string | null | undefined)[];
  scheduleTexts?: (string | undefined)[];
  names?: (string | undefined)[];
}

/** Adds the statements of one story file to a list, in the order they are added. */
interface Statements {
  add: (d: Draft) => Statement;
  /** A history field's entries, each a statement of its own (the single form is the item's). */
  entries: <E extends ChangeFields>(
    path: string,
    kind: StatementKind,
    value: unknown,
    parent: Statement,
    texts: (e: E) => (string | undefined)[],
    scheduled?: (e: E) => (string | null | undefined)[],
  ) => void;
}

/** Adds statements to `out` in the order they come, each visible by the rules of known.ts. */
function statementList(data: StoryFile, out: Statement[]): Statements {
  const tz = data.story.timeZone;
  const published = new Map(data.sources.map((s) => [s.id, parseWhen(s.published)]));
  const add = (d: Draft): Statement => {
    const about = d.about ? parseWhen(d.about) : undefined;
    const from = d.from ?? d.about;
    const trueFrom = from ? startMs(parseWhen(from), tz) : Number.NEGATIVE_INFINITY;
    const first = d.sourceIds[0] ? published.get(d.sourceIds[0]) : undefined;
    const knownFrom = d.known
      ? startMs(parseWhen(d.known), tz)
      : first
        ? sourceKnownFrom(first, about, tz)
        : Number.NEGATIVE_INFINITY;
    const present = (list: (string | undefined)[]) =>
      list.filter((t): t is string => typeof t === "string" && t.length > 0);
    const scheduleTexts = present(d.scheduleTexts ?? []);
    const s: Statement = {
      path: d.path,
      kind: d.kind,
      texts: [...present(d.texts), ...scheduleTexts],
      scheduleTexts,
      names: present(d.names ?? []),
      sourceIds: [...d.sourceIds],
      evidence: d.evidence,
      about,
      trueFrom,
      knownFrom,
      visibleFrom: Math.max(trueFrom, knownFrom, d.parent?.visibleFrom ?? Number.NEGATIVE_INFINITY),
      scheduled: (d.scheduled ?? []).filter((x): x is string => typeof x === "string").map(parseWhen),
    };
    out.push(s);
    return s;
  };
  function entries<E extends ChangeFields>(
    path: string,
    kind: StatementKind,
    value: unknown,
    parent: Statement,
    texts: (e: E) => (string | undefined)[],
    scheduled: (e: E) => (string | null | undefined)[] = () => [],
  ): void {
    if (!isHistory<E>(value)) return;
    value.forEach((e, j) => {
      add({
        path: `${path}[${j}]`,
        kind,
        texts: [e.note, ...texts(e)],
        names: [e.attribution],
        sourceIds: e.sourceIds ?? parent.sourceIds,
        evidence: e.evidence,
        about: e.from,
        parent,
        scheduled: scheduled(e),
      });
    });
  }
  return { add, entries };
}

/** Every statement of a story file, items before their entries. */
export function statementsOf(data: StoryFile): Statement[] {
  const out: Statement[] = [];
  const list = statementList(data, out);
  summaryStatements(list, data);
  partyStatements(list, data);
  personStatements(list, data);
  phaseStatements(list, data);
  figureStatements(list, data);
  eventStatements(list, data);
  deadlineStatements(list, data);
  claimStatements(list, data);
  return out;
}

/** The summary's entries, when it is written as a history. */
function summaryStatements({ add }: Statements, data: StoryFile): void {
  const summary = data.story.summary;
  if (isHistory<{ from: string; text: string; sourceIds?: string[]; evidence?: string }>(summary)) {
    summary.forEach((e, i) => {
      add({
        path: `story.summary[${i}]`,
        kind: "summary",
        texts: [e.text],
        sourceIds: e.sourceIds ?? [],
        evidence: e.evidence,
        about: e.from,
      });
    });
  }
}

/** Each party, and its roles' entries. */
function partyStatements({ add, entries }: Statements, data: StoryFile): void {
  data.parties.forEach((p, i) => {
    const item = add({
      path: `parties[${i}]`,
      kind: "party",
      texts: [p.name, p.description],
      sourceIds: p.sourceIds,
      evidence: p.evidence,
    });
    entries(`parties[${i}].roles`, "party-roles", p.roles, item, () => []);
  });
}

/** Each person, and their role's entries. */
function personStatements({ add, entries }: Statements, data: StoryFile): void {
  data.people.forEach((p, i) => {
    const item = add({
      path: `people[${i}]`,
      kind: "person",
      texts: [p.name, typeof p.role === "string" ? p.role : undefined],
      sourceIds: p.sourceIds,
      evidence: p.evidence,
    });
    entries<{ from: string; role: string }>(`people[${i}].role`, "person-role", p.role, item, (e) => [
      e.role,
    ]);
  });
}

/** Each phase, its status entries, its moves and its terms. */
function phaseStatements({ add, entries }: Statements, data: StoryFile): void {
  data.phases.forEach((p, i) => {
    const item = add({
      path: `phases[${i}]`,
      kind: "phase",
      texts: [p.name, typeof p.status === "string" ? p.statusNote : undefined],
      scheduleTexts: [p.startDerived, p.endDerived, p.lengthDerived],
      sourceIds: p.sourceIds,
      evidence: p.evidence,
      scheduled: [p.start, p.end],
    });
    entries(`phases[${i}].status`, "phase-status", p.status, item, () => []);
    moveStatements(add, `phases[${i}].moves`, "phase-move", p.moves, item, (m) => m.end);
    p.terms.forEach((t, j) => {
      add({
        path: `phases[${i}].terms[${j}]`,
        kind: "term",
        texts: [t.text],
        sourceIds: t.sourceIds,
        evidence: t.evidence,
        parent: item,
      });
    });
  });
}

/** Each figure value, and the note of its correction. */
function figureStatements({ add }: Statements, data: StoryFile): void {
  data.figures.forEach((f, i) => {
    f.values.forEach((v, j) => {
      const value = add({
        path: `figures[${i}].values[${j}]`,
        kind: "figure-value",
        texts: [v.note, v.derived],
        names: [v.attribution],
        sourceIds: [v.sourceId],
        evidence: v.evidence,
        about: v.asOf,
      });
      if (v.corrected?.note) {
        add({
          path: `figures[${i}].values[${j}].corrected`,
          kind: "figure-value",
          texts: [v.corrected.note],
          sourceIds: [v.sourceId],
          evidence: v.evidence,
          about: v.asOf,
          from: v.corrected.on,
          parent: value,
        });
      }
    });
  });
}

/** Each event, and each later update of it. */
function eventStatements({ add }: Statements, data: StoryFile): void {
  data.events.forEach((e, i) => {
    const event = add({
      path: `events[${i}]`,
      kind: "event",
      texts: [e.title, e.description, e.whenNote, e.derived],
      names: [e.attribution],
      sourceIds: e.sourceIds,
      evidence: e.evidence,
      about: e.when,
      known: e.reported,
    });
    e.updates.forEach((u, j) => {
      add({
        path: `events[${i}].updates[${j}]`,
        kind: "event-update",
        texts: [u.title, u.description],
        names: [u.attribution],
        sourceIds: u.sourceIds,
        evidence: u.evidence,
        about: e.when,
        parent: event,
      });
    });
  });
}

/** Each deadline, its status entries and its moves. */
function deadlineStatements({ add, entries }: Statements, data: StoryFile): void {
  data.deadlines.forEach((d, i) => {
    const item = add({
      path: `deadlines[${i}]`,
      kind: "deadline",
      texts: [d.title, d.phrase, typeof d.status === "string" ? d.statusNote : undefined],
      scheduleTexts: [d.derived],
      sourceIds: d.sourceIds,
      evidence: d.evidence,
      known: d.since,
      scheduled: [d.due],
    });
    entries(`deadlines[${i}].status`, "deadline-status", d.status, item, () => []);
    moveStatements(add, `deadlines[${i}].moves`, "deadline-move", d.moves, item, (m) => m.due);
  });
}

/** Each claim. */
/** Each move of a date (a phase's end, a deadline's due date): a statement of its own. */
function moveStatements<
  M extends {
    at: string;
    note?: string | undefined;
    attribution: string;
    sourceIds: string[];
    evidence?: string | undefined;
  },
>(
  add: Statements["add"],
  path: string,
  kind: StatementKind,
  moves: readonly M[],
  parent: Statement,
  date: (move: M) => string | null,
): void {
  moves.forEach((m, j) => {
    add({
      path: `${path}[${j}]`,
      kind,
      texts: [m.note],
      names: [m.attribution],
      sourceIds: m.sourceIds,
      evidence: m.evidence,
      about: m.at,
      parent,
      scheduled: [date(m)],
    });
  });
}

function claimStatements({ add }: Statements, data: StoryFile): void {
  data.claims.forEach((c, i) => {
    add({
      path: `claims[${i}]`,
      kind: "claim",
      texts: [c.text, c.quote],
      names: [c.by],
      sourceIds: c.sourceIds,
      // The speaker's words as the source quotes them are evidence too.
      evidence: c.evidence ?? c.quote,
      about: c.when,
    });
  });
}
