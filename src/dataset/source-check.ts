/**
 * Checks a story against the archived texts of its sources: every figure value, count, quote,
 * person's name and date that cites a source whose text is archived must be found in that text.
 * Pure: the texts come in as strings (`ceasefire-bot validate --sources DIR` reads them).
 *
 * The story is walked generically: RULES says which fields of which items are checked, by the
 * item's path pattern ("figures[].values[]"), and only fields that exist are checked. An item cites
 * the sources in its own `sourceIds`/`sourceId`, else those of the item it belongs to.
 */
import { daysBetween, formatLongDate, localDateOf, parseWhen } from "../time/calendar.js";
import { type DataError, formatPath } from "./load.js";
import { type Source, type StoryFile, storyFileSchema } from "./schema.js";

type Kind = "figure" | "count" | "date" | "quote" | "name";

interface FieldRule {
  kind: Kind;
  /** The item's field that marks this one as derived (not stated by the source); default `derived`. */
  derivedBy?: string;
}

/** What is checked, by item path pattern and field. A new dated field is one line here. */
const RULES: Record<string, Record<string, FieldRule>> = {
  "people[]": { name: { kind: "name" } },
  "claims[]": { quote: { kind: "quote" } },
  "figures[].values[]": { value: { kind: "figure" } },
  "phases[]": {
    start: { kind: "date", derivedBy: "startDerived" },
    end: { kind: "date", derivedBy: "endDerived" },
    lengthDays: { kind: "count", derivedBy: "lengthDerived" },
  },
  "events[]": { when: { kind: "date" } },
  "deadlines[]": { due: { kind: "date" } },
};

/** One field to find in the archived texts of the sources it cites. */
export interface SourceCheck {
  path: PropertyKey[];
  kind: Kind;
  item: Record<string, unknown>;
  field: string;
  /** The cited sources that have an archived text. */
  sourceIds: string[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** The sources an item cites itself, if it names any. */
function citedBy(item: Record<string, unknown>): string[] | undefined {
  if (typeof item.sourceId === "string") return [item.sourceId];
  if (Array.isArray(item.sourceIds)) return item.sourceIds.filter((x) => typeof x === "string");
  return undefined;
}

/** The fields of a story file: a loaded story's other fields are its indexes. */
const FILE_FIELDS: ReadonlySet<string> = new Set(Object.keys(storyFileSchema.shape));

/** Every field of the story that RULES checks, cites an archived source and is not derived. */
export function sourceChecks(story: StoryFile, texts: ReadonlyMap<string, string>): SourceCheck[] {
  const out: SourceCheck[] = [];
  const walk = (node: unknown, pattern: string, path: PropertyKey[], inherited: string[]) => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => {
        walk(x, `${pattern}[]`, [...path, i], inherited);
      });
      return;
    }
    if (!isRecord(node)) return;
    const cited = citedBy(node) ?? inherited;
    const sourceIds = cited.filter((id) => texts.has(id));
    for (const [field, rule] of Object.entries(RULES[pattern] ?? {})) {
      const derived = node[rule.derivedBy ?? "derived"];
      if (node[field] === undefined || typeof derived === "string" || sourceIds.length === 0) continue;
      out.push({ path: [...path, field], kind: rule.kind, item: node, field, sourceIds });
    }
    // A statement's evidence is quoted from its first source: it must be in that source's text.
    const first = cited[0];
    if (typeof node.evidence === "string" && first !== undefined && texts.has(first)) {
      out.push({
        path: [...path, "evidence"],
        kind: "quote",
        item: node,
        field: "evidence",
        sourceIds: [first],
      });
    }
    for (const [key, value] of Object.entries(node)) {
      // A loaded story carries its indexes beside the file's fields: only the file is checked.
      if (pattern === "" && !FILE_FIELDS.has(key)) continue;
      walk(value, pattern ? `${pattern}.${key}` : key, [...path, key], cited);
    }
  };
  walk(story, "", [], []);
  return out;
}

/** An archived text made comparable: typographic quotes plain, spaces single, split in sentences. */
interface Archived {
  id: string;
  source: Source | undefined;
  text: string;
  sentences: string[];
}

/** Typographic quotes as plain ' and ", every run of white space as one space. */
function plainText(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
}

/** Paragraphs are separated by blank lines; a paragraph may be wrapped over several lines. */
function archived(id: string, raw: string, story: StoryFile): Archived {
  const paragraphs = raw.split(/\n\s*\n/).map(plainText);
  return {
    id,
    source: story.sources.find((s) => s.id === id),
    text: paragraphs.join("\n"),
    sentences: paragraphs.flatMap((p) => p.split(/(?<=[.!?]["')\]]?) /)).filter((s) => s !== ""),
  };
}

const WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];

const QUALIFIER_WORDS: Record<string, string> = {
  "more-than": "more than",
  "fewer-than": "fewer than",
  about: "about",
  "at-least": "at least",
  "up-to": "up to",
};

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 20 });

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whether the text states the number n (as "48,000", "48000" or, up to twenty, "four"), after the
 * words of `before` ("more than") when given; never inside a longer number or word.
 */
function mentions(text: string, n: number, before = ""): boolean {
  const forms = new Set([String(n), numberFormat.format(n)]);
  const word = Number.isInteger(n) ? WORDS[n] : undefined;
  if (word) forms.add(word);
  const prefix = before ? `${before.split(" ").map(escapeRegExp).join(" ")} ` : "";
  const number = [...forms].map(escapeRegExp).join("|");
  return new RegExp(`(?<![\\w,.])${prefix}(?:${number})(?!\\w|[,.]\\d)`, "i").test(text);
}

/** The names in "Sunday 19 January 2025". */
function dateNames(date: string): { weekday: string; day: string; month: string } {
  const [weekday = "", day = "", month = ""] = formatLongDate(date).split(" ");
  return { weekday, day, month };
}

/** "19 January", "January 19", "Jan. 19th", each with the year it is followed by, if any. */
function dayMonthPattern(date: string): RegExp {
  const { day, month } = dateNames(date);
  const months = [month, month.slice(0, 3), ...(month === "September" ? ["Sept"] : [])];
  const m = `(?:${months.map((x) => `${x}\\.?`).join("|")})`;
  const d = `${day}(?:st|nd|rd|th)?`;
  return new RegExp(`(?<!\\d)(?:${d} ${m}|${m} ${d}(?!\\d))(?:,? (\\d{4}))?`, "g");
}

/** A weekday name stands for a date within a week of the source's publication, before or after. */
const WEEKDAY_WINDOW_DAYS = 7;

function weekdayApplies(a: Archived, date: string): boolean {
  return a.source !== undefined && Math.abs(daysBetween(a.source.published, date)) <= WEEKDAY_WINDOW_DAYS;
}

/** Whether the text states the date: in a usual form (a year given must be the date's), or as a weekday. */
function statesDate(a: Archived, date: string): boolean {
  if (a.text.includes(date)) return true;
  const year = date.slice(0, 4);
  for (const match of a.text.matchAll(dayMonthPattern(date))) if (!match[1] || match[1] === year) return true;
  return weekdayApplies(a, date) && new RegExp(`\\b${dateNames(date).weekday}\\b`).test(a.text);
}

function describeDate(date: string, sources: Archived[]): string {
  const { weekday, day, month } = dateNames(date);
  const forms = [`${day} ${month}`, `${month} ${day}`, date];
  if (sources.some((a) => weekdayApplies(a, date))) forms.push(weekday);
  return `as ${forms.slice(0, -1).join(", ")} or ${forms.at(-1)}`;
}

function notFound(what: string, sources: Archived[], where = ""): string {
  const ids = sources.map((a) => a.id).join(", ");
  return `"${what}" not found${where} in source${sources.length === 1 ? "" : "s"} ${ids}`;
}

/** The problems of one check, as [field path, message] pairs. */
function problems(check: SourceCheck, sources: Archived[], timeZone: string): [PropertyKey[], string][] {
  const value = check.item[check.field];
  const at = check.path;
  const some = (test: (a: Archived) => boolean) => sources.some(test);
  switch (check.kind) {
    case "name":
    case "quote": {
      if (typeof value !== "string") return [];
      // A quote of several sentences may be split by "…, he said" in the source: each sentence counts.
      const parts = check.kind === "quote" ? value.split(/(?<=[.!?]) /) : [value];
      return parts
        .map((p) => plainText(p).replace(/[.,!?]$/, ""))
        .filter((p) => !some((a) => a.text.includes(p)))
        .map((p) => [at, notFound(p, sources)]);
    }
    case "count":
      if (typeof value !== "number" || some((a) => mentions(a.text, value))) return [];
      return [[at, notFound(numberFormat.format(value), sources)]];
    case "date": {
      if (typeof value !== "string") return [];
      const when = parseWhen(value);
      const date = when.precision === "date" ? when.date : localDateOf(when.instant, timeZone);
      if (some((a) => statesDate(a, date))) return [];
      return [[at, `${notFound(date, sources)} (${describeDate(date, sources)})`]];
    }
    case "figure":
      return figureProblems(check, sources);
  }
}

/** A figure value: its number, its qualifier's words before it, and who says so in the same sentence. */
function figureProblems(check: SourceCheck, sources: Archived[]): [PropertyKey[], string][] {
  const { value, qualifier, attribution } = check.item;
  if (typeof value !== "number") return [];
  const shown = numberFormat.format(value);
  if (!sources.some((a) => mentions(a.text, value))) return [[check.path, notFound(shown, sources)]];
  const parent = check.path.slice(0, -1);
  const out: [PropertyKey[], string][] = [];
  const words = typeof qualifier === "string" ? QUALIFIER_WORDS[qualifier] : undefined;
  if (words && !sources.some((a) => mentions(a.text, value, words))) {
    out.push([[...parent, "qualifier"], notFound(`${words} ${shown}`, sources)]);
  }
  if (typeof attribution !== "string") return out;
  // The publisher speaks in the whole text; anyone else must be named where the number is.
  const who = attribution.toLowerCase();
  const byPublisher = sources.some((a) => a.source?.publisher?.toLowerCase() === who);
  const named = (a: Archived) => a.sentences.some((s) => mentions(s, value) && s.toLowerCase().includes(who));
  if (!byPublisher && !sources.some(named)) {
    out.push([
      [...parent, "attribution"],
      notFound(attribution, sources, ` in the same sentence as "${shown}"`),
    ]);
  }
  return out;
}

/**
 * Every problem of a story against the archived texts of its sources (source id → text), as
 * `file: path: message` errors; sources without an archived text are not checked.
 */
export function checkAgainstSources(
  story: StoryFile,
  file: string,
  texts: ReadonlyMap<string, string>,
): DataError[] {
  const prepared = new Map([...texts].map(([id, raw]) => [id, archived(id, raw, story)]));
  return sourceChecks(story, texts).flatMap((check) => {
    const sources = check.sourceIds.flatMap((id) => prepared.get(id) ?? []);
    return problems(check, sources, story.story.timeZone).map(([path, message]) => ({
      file,
      path: formatPath(path),
      message,
    }));
  });
}

/** The first line of an archived text, `date YYYY-MM-DD <title>`, if it has one. */
function archiveHeader(text: string): { date: string; title: string } | undefined {
  const first = plainText(text.replace(/^\uFEFF/, "").split("\n", 1)[0] ?? "");
  const m = /^date (\d{4}-\d{2}-\d{2}) (.+)$/.exec(first);
  return m?.[1] && m[2] ? { date: m[1], title: m[2] } : undefined;
}

/** A title as compared with an archive's header: plain quotes, no closing full stop, any case. */
function comparableTitle(title: string): string {
  return plainText(title).replace(/\.$/, "").toLowerCase();
}

export interface ArchiveMatch {
  /** Source id → the archived file's name and text. */
  found: Map<string, { name: string; text: string }>;
  /** The ids of the sources with no archived text. */
  missing: string[];
  /** Sources whose `archive` names a file that is not there. */
  errors: DataError[];
}

/**
 * Which archived file (name → text) holds each source's text: the one its `archive` names, else
 * `<source id>.txt`, else one whose first line is `date <published> <title>`.
 */
export function matchArchives(
  story: StoryFile,
  file: string,
  files: ReadonlyMap<string, string>,
): ArchiveMatch {
  const match: ArchiveMatch = { found: new Map(), missing: [], errors: [] };
  const headers = [...files].flatMap(([name, text]) => {
    const header = archiveHeader(text);
    return header ? [{ name, ...header }] : [];
  });
  story.sources.forEach((source, i) => {
    let name: string | undefined;
    if (source.archive !== undefined) {
      name = source.archive;
      if (!files.has(name)) {
        match.errors.push({ file, path: `sources[${i}].archive`, message: `no archived file "${name}"` });
        return;
      }
    } else if (files.has(`${source.id}.txt`)) name = `${source.id}.txt`;
    else {
      const title = comparableTitle(source.title);
      name = headers.find((h) => h.date === source.published && comparableTitle(h.title) === title)?.name;
    }
    const text = name === undefined ? undefined : files.get(name);
    if (name === undefined || text === undefined) match.missing.push(source.id);
    else match.found.set(source.id, { name, text });
  });
  return match;
}
