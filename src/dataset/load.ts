/**
 * Loads data/ (a folder of story files, or one file), checks the schema and the cross-references,
 * and reports every error as `file: path.to[3].field: message`.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import type { z } from "zod";
import { describeUnsafe, findUnsafe, isolateBidi } from "../text/safety.js";
import { daysBetween, isValidTimeZone, localDateOf, parseWhen, type When } from "../time/calendar.js";
import { type Dataset, indexStory, isHistory, type Story } from "./dataset.js";
import { checkHindsight } from "./hindsight.js";
import { type MoveKind, type StoryFile, storyFileSchema } from "./schema.js";

export interface DataError {
  file: string;
  path: string;
  message: string;
}

export type LoadResult = { ok: true; dataset: Dataset; files: string[] } | { ok: false; errors: DataError[] };

export function formatDataError(e: DataError): string {
  return `${e.file}: ${e.path || "(root)"}: ${e.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The story files at a path: the path itself if a file, else every *.json in it but schema.json. */
export async function storyFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (info.isFile()) return [path];
  const names = (await readdir(path)).filter((n) => n.endsWith(".json") && n !== "schema.json").sort();
  return names.map((n) => join(path, n));
}

/** Whether JSON.parse fails on `prefix` for a reason other than reaching its end. */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (err) {
    const msg = (err as Error).message;
    if (msg.includes("Unexpected end of JSON input")) return false;
    const pos = /position (\d+)/.exec(msg);
    return !(pos && Number(pos[1]) >= prefix.trimEnd().length);
  }
}

/**
 * Where a JSON syntax error is. Node 20 gives a position for some errors only; for the others, the
 * error is at the end of the shortest prefix that fails for a reason other than being cut short.
 */
export function jsonErrorOffset(text: string, message: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (message.includes("Unexpected end of JSON input")) return text.length;
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsBeforeEnd(text.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

/**
 * Every string of a parsed story file, in place: a lone surrogate (JSON's `"\ud800"` parses to text
 * that is not valid Unicode, which Slack's client cannot even encode) is an error at its path, and
 * text with bidirectional controls (a right-to-left override) is isolated, so that wherever a reply
 * puts it, it cannot reorder the bot's own words around it.
 */
function checkStrings(file: string, value: unknown, path: PropertyKey[], errors: DataError[]): unknown {
  if (typeof value === "string") {
    const bad = findUnsafe(value, { controls: false });
    if (bad) errors.push({ file, path: formatPath(path), message: `contains ${describeUnsafe(bad)}` });
    return isolateBidi(value);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      value[i] = checkStrings(file, item, [...path, i], errors);
    });
  } else if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record))
      record[key] = checkStrings(file, record[key], [...path, key], errors);
  }
  return value;
}

export function parseStoryText(file: string, text: string): { data?: StoryFile; errors: DataError[] } {
  let raw: unknown;
  // Editors on some systems save a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    const msg = (err as Error).message;
    const where = lineColumn(body, jsonErrorOffset(body, msg));
    return { errors: [{ file, path: "", message: `invalid JSON at ${where}: ${msg}` }] };
  }
  const textErrors: DataError[] = [];
  raw = checkStrings(file, raw, [], textErrors);
  const parsed = storyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues
      .flatMap((i) => expandIssue(i, [], raw))
      .map((i) => ({
        file,
        path: formatPath(i.path),
        message: issueMessage(i),
      }));
    return { errors: [...textErrors, ...errors, ...bestEffortReferences(file, raw, errors)] };
  }
  const references = checkReferences(file, parsed.data);
  // Known-from is read off the sources a statement cites: only checked once they all resolve.
  const hindsight =
    references.length > 0
      ? []
      : checkHindsight(parsed.data).map((p) => ({ file, path: p.path, message: p.message }));
  return { data: parsed.data, errors: [...textErrors, ...references, ...hindsight] };
}

/** The value at a path of the raw JSON, to see which form of a union the curator wrote. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * A value that can be written two ways (one value, or its history) fails as a union, which zod
 * reports as "Invalid input" at the field. Report instead the errors of the form the curator wrote
 * (a list: the history; anything else: the single value), at their own paths.
 */
function expandIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[], raw: unknown): z.core.$ZodIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union" || issue.message !== "Invalid input" || issue.errors.length === 0) {
    return [{ ...issue, path }];
  }
  const value = valueAt(raw, path);
  const isList = Array.isArray(value);
  const rootTypeError = (branch: z.core.$ZodIssue[]) =>
    branch.some(
      (e) => e.path.length === 0 && e.code === "invalid_type" && (e.expected === "array") !== isList,
    );
  const branch =
    issue.errors.find((b) => !rootTypeError(b) && (isList ? b.some((e) => e.path.length > 0) : true)) ??
    issue.errors.find((b) => !rootTypeError(b)) ??
    issue.errors[0] ??
    [];
  return branch.flatMap((e) => expandIssue(e, path, raw));
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_type" && issue.message.includes("received undefined")) {
    return `is required (${issue.expected})`;
  }
  return issue.message;
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
} as const;

/**
 * Reference errors of a file that failed the schema, so that a curator sees every error at once.
 * The data is not trusted here: anything that cannot be checked is left to the next run.
 */
function bestEffortReferences(file: string, raw: unknown, schemaErrors: DataError[]): DataError[] {
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

/** Compares two points on the story's calendar; day precision wins when they differ. */
function compareWhen(a: When, b: When, timeZone: string): number {
  if (a.precision === "instant" && b.precision === "instant")
    return a.instant.getTime() - b.instant.getTime();
  const da = a.precision === "date" ? a.date : localDateOf(a.instant, timeZone);
  const db = b.precision === "date" ? b.date : localDateOf(b.instant, timeZone);
  return da < db ? -1 : da > db ? 1 : 0;
}

export function checkReferences(file: string, data: StoryFile): DataError[] {
  const errors: DataError[] = [];
  const err = (path: string, message: string) => errors.push({ file, path, message });
  const tz = data.story.timeZone;

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

  const ref = (path: string, value: string | undefined, known: Set<string>, what: string) => {
    if (value !== undefined && !known.has(value)) err(path, `unknown ${what} id "${value}"`);
  };
  const refs = (path: string, values: readonly string[]) =>
    values.forEach((v, i) => {
      ref(`${path}[${i}]`, v, sources, "source");
    });

  data.parties.forEach((p, i) => {
    refs(`parties[${i}].sourceIds`, p.sourceIds);
  });
  data.people.forEach((p, i) => {
    refs(`people[${i}].sourceIds`, p.sourceIds);
    ref(`people[${i}].partyId`, p.partyId, parties, "party");
  });
  let previousStart: { when: When; index: number } | undefined;
  data.phases.forEach((p, i) => {
    refs(`phases[${i}].sourceIds`, p.sourceIds);
    p.terms.forEach((t, j) => {
      refs(`phases[${i}].terms[${j}].sourceIds`, t.sourceIds);
    });
    const start = p.start ? parseWhen(p.start) : undefined;
    const end = p.end ? parseWhen(p.end) : undefined;
    if (start && end && compareWhen(end, start, tz) < 0)
      err(`phases[${i}].end`, `ends (${p.end}) before it starts (${p.start})`);
    if (
      start &&
      end &&
      p.lengthDays !== undefined &&
      start.precision === "date" &&
      end.precision === "date"
    ) {
      const days = daysBetween(start.date, end.date) + 1;
      if (days !== p.lengthDays)
        err(`phases[${i}].lengthDays`, `is ${p.lengthDays} but ${p.start} to ${p.end} is ${days} days`);
    }
    if (start) {
      if (previousStart && compareWhen(start, previousStart.when, tz) < 0) {
        err(`phases[${i}].start`, `phases must be in order: starts before phases[${previousStart.index}]`);
      }
      previousStart = { when: start, index: i };
    }
  });
  /** A history's entries must be oldest first. */
  const inOrder = (path: string, entries: readonly { from: string }[]) => {
    entries.forEach((e, j) => {
      const prev = entries[j - 1];
      if (prev && compareWhen(parseWhen(e.from), parseWhen(prev.from), tz) < 0)
        err(`${path}[${j}].from`, `a history must be oldest first: ${e.from} is before ${prev.from}`);
    });
  };
  /** References and order of a history field written as a history. */
  const history = (path: string, value: unknown) => {
    if (!isHistory<{ from: string; sourceIds?: string[] }>(value)) return;
    value.forEach((e, j) => {
      if (e.sourceIds) refs(`${path}[${j}].sourceIds`, e.sourceIds);
    });
    inOrder(path, value);
  };
  const published = new Map(data.sources.map((s) => [s.id, s.published]));
  /** When an item was first reported: its earliest source's publication date. */
  const firstReported = (ids: readonly string[]) =>
    ids
      .map((id) => published.get(id))
      .filter((d): d is string => d !== undefined)
      .sort()[0];
  /**
   * Moves of a date (a deadline's due date, a phase's end): oldest first, each after the item existed,
   * and each in the direction its kind says.
   */
  const moves = (
    path: string,
    list: readonly { at: string; kind: MoveKind; sourceIds: string[]; value: string | null }[],
    original: string | undefined,
    existed: string | undefined,
    what: string,
  ) => {
    let previous = original;
    list.forEach((m, j) => {
      refs(`${path}[${j}].sourceIds`, m.sourceIds);
      const prev = list[j - 1];
      if (prev && compareWhen(parseWhen(m.at), parseWhen(prev.at), tz) < 0)
        err(`${path}[${j}].at`, `moves must be oldest first: ${m.at} is before ${prev.at}`);
      if (existed && compareWhen(parseWhen(m.at), parseWhen(existed), tz) < 0)
        err(`${path}[${j}].at`, `a move on ${m.at} is before the ${what} existed (${existed})`);
      if (previous && m.value !== null) {
        const order = compareWhen(parseWhen(m.value), parseWhen(previous), tz);
        if (m.kind === "brought-forward" ? order >= 0 : order <= 0)
          err(
            `${path}[${j}].kind`,
            `"${m.kind}" but ${m.value} is ${order === 0 ? "the same as" : order < 0 ? "before" : "after"} ${previous}`,
          );
      } else if (m.value === null && m.kind === "brought-forward") {
        err(`${path}[${j}].kind`, '"brought-forward" needs a new date (null means until further notice)');
      }
      previous = m.value ?? undefined;
    });
  };

  history("story.summary", data.story.summary);
  data.parties.forEach((p, i) => {
    if (p.role !== undefined && p.roles !== undefined)
      err(`parties[${i}].roles`, "give either role or roles, not both");
    if (p.role === undefined && p.roles === undefined) err(`parties[${i}].role`, "is required (or roles)");
    history(`parties[${i}].roles`, p.roles);
  });
  data.people.forEach((p, i) => {
    history(`people[${i}].role`, p.role);
  });
  data.phases.forEach((p, i) => {
    history(`phases[${i}].status`, p.status);
    moves(
      `phases[${i}].moves`,
      p.moves.map((m) => ({ ...m, value: m.end })),
      p.end,
      firstReported(p.sourceIds),
      "phase",
    );
    p.moves.forEach((m, j) => {
      if (m.end && p.start && compareWhen(parseWhen(m.end), parseWhen(p.start), tz) < 0)
        err(`phases[${i}].moves[${j}].end`, `ends (${m.end}) before it starts (${p.start})`);
    });
  });
  data.deadlines.forEach((d, i) => {
    history(`deadlines[${i}].status`, d.status);
    moves(
      `deadlines[${i}].moves`,
      d.moves.map((m) => ({ ...m, value: m.due })),
      d.due,
      d.since ?? firstReported(d.sourceIds),
      "deadline",
    );
  });
  data.events.forEach((e, i) => {
    if (e.reported && compareWhen(parseWhen(e.reported), parseWhen(e.when), tz) < 0)
      err(`events[${i}].reported`, `reported (${e.reported}) before it happened (${e.when})`);
  });
  data.claims.forEach((c, i) => {
    c.personIds?.forEach((id, j) => {
      ref(`claims[${i}].personIds[${j}]`, id, people, "person");
    });
    c.partyIds?.forEach((id, j) => {
      ref(`claims[${i}].partyIds[${j}]`, id, parties, "party");
    });
  });

  data.figures.forEach((f, i) => {
    f.values.forEach((v, j) => {
      ref(`figures[${i}].values[${j}].sourceId`, v.sourceId, sources, "source");
      const prev = f.values[j - 1];
      if (prev && v.asOf < prev.asOf)
        err(
          `figures[${i}].values[${j}].asOf`,
          `values must be oldest first: ${v.asOf} is before ${prev.asOf}`,
        );
    });
  });
  data.events.forEach((e, i) => {
    refs(`events[${i}].sourceIds`, e.sourceIds);
  });
  data.deadlines.forEach((d, i) => {
    refs(`deadlines[${i}].sourceIds`, d.sourceIds);
    ref(`deadlines[${i}].phaseId`, d.phaseId, phases, "phase");
  });
  data.claims.forEach((c, i) => {
    refs(`claims[${i}].sourceIds`, c.sourceIds);
    ref(`claims[${i}].personId`, c.personId, people, "person");
    ref(`claims[${i}].partyId`, c.partyId, parties, "party");
  });
  return errors;
}

/** Loads and validates every story at `path`; never throws for bad data, only returns errors. */
export async function loadDataset(path: string): Promise<LoadResult> {
  let files: string[];
  try {
    files = await storyFiles(path);
  } catch (err) {
    return {
      ok: false,
      errors: [{ file: path, path: "", message: `cannot read: ${(err as Error).message}` }],
    };
  }
  if (files.length === 0) {
    return { ok: false, errors: [{ file: path, path: "", message: "no story files (*.json) found" }] };
  }
  const errors: DataError[] = [];
  const stories: Story[] = [];
  for (const file of files) {
    const rel = relative(process.cwd(), file);
    const shown = rel && !rel.startsWith("..") ? rel : file || basename(file);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      errors.push({ file: shown, path: "", message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const { data, errors: fileErrors } = parseStoryText(shown, text);
    errors.push(...fileErrors);
    if (data && fileErrors.length === 0) stories.push(indexStory(shown, data));
  }
  const result = assemble(stories, errors);
  return result.ok ? { ...result, files } : result;
}

export function assemble(
  stories: Story[],
  errors: DataError[],
): { ok: true; dataset: Dataset } | { ok: false; errors: DataError[] } {
  const byId = new Map<string, Story>();
  for (const s of stories) {
    const other = byId.get(s.story.id);
    if (other)
      errors.push({
        file: s.file,
        path: "story.id",
        message: `duplicate story id "${s.story.id}" (also in ${other.file})`,
      });
    else byId.set(s.story.id, s);
  }
  const defaults = stories.filter((s) => s.story.default);
  if (defaults.length > 1) {
    for (const s of defaults.slice(1)) {
      errors.push({
        file: s.file,
        path: "story.default",
        message: `only one story may be the default (also ${defaults[0]?.file})`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const defaultStory = defaults[0] ?? (stories.length === 1 ? stories[0] : undefined);
  if (!defaultStory) {
    return {
      ok: false,
      errors: [
        {
          file: stories[0]?.file ?? "data",
          path: "story.default",
          message: 'several stories and none is the default: set "default": true on one',
        },
      ],
    };
  }
  return { ok: true, dataset: { stories, byId, defaultStory } };
}
