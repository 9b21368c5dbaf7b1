/**
 * How the dataset's values are said in replies (the wording next to the Reply model; it is given the
 * instant and the settings it needs, never a command's context): every figure with its qualifier, attribution and
 * as-of date; every reply's footer with its sources and "data as of …"; phase progress.
 */
import type { StoryAt } from "../dataset/asof.js";
import type { Story } from "../dataset/dataset.js";
import type { FigureValue } from "../dataset/schema.js";
import { isCountedUnit } from "../dataset/schema-translations.js";
import type { MessageKey, Words } from "../language/words.js";
import { daysBetween, localDateOf, type When } from "../time/calendar.js";
import type { Evidence, ReplyFooter, SourceRef, Span } from "./reply.js";

const plurals = new Intl.PluralRules("en-GB");

/**
 * A unit for a count: the figure's `unitOne` for one ("1 captive"), its `unit` for other counts. A
 * unit written only in the plural loses a final "s" for one, when it has one to lose.
 */
export function unitFor(
  count: number,
  unit: string | undefined,
  unitOne?: string,
  words?: Words,
): string | undefined {
  // A translated unit may be a plural message over the count (Arabic's six forms, Hebrew's two).
  if (unit && words && isCountedUnit(unit)) return words.counted(unit, count);
  if (!unit || plurals.select(count) !== "one") return unit;
  if (unitOne) return unitOne;
  return /[^s]s$/.test(unit) ? unit.slice(0, -1) : unit;
}

/**
 * "more than 48,000 people", in the reader's words. The unit is the data's own text (translated,
 * where the story has a translation, before it gets here).
 */
export function figureAmount(
  words: Words,
  value: FigureValue,
  unit: string | undefined,
  unitOne?: string,
): string {
  const own = value.unit;
  const u =
    own === undefined
      ? unitFor(value.value, unit, unitOne, words)
      : isCountedUnit(own)
        ? words.counted(own, value.value)
        : own;
  const n = words.number(value.value);
  const amount =
    u === "percent"
      ? words.t("phrases.percent", { n })
      : u
        ? words.t("phrases.amount-unit", { n, unit: u })
        : n;
  return words.t(`phrases.qualifier.${value.qualifier}`, { amount });
}

/** "according to Israel, as of 28 Feb 2025" (and "derived: …" when it is). */
export function attributionText(words: Words, value: FigureValue): string {
  return [
    words.t("phrases.attribution", { who: value.attribution, date: words.shortDate(value.asOf) }),
    value.derived ? words.t("phrases.derived", { how: value.derived }) : "",
    value.corrected
      ? words.t("phrases.corrected", { date: words.shortDate(value.corrected.on.slice(0, 10)) })
      : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** A figure's latest value as a sentence part: **59 captives**, according to Israel, as of 28 Feb 2025 */
export function figureSpans(
  words: Words,
  value: FigureValue,
  unit: string | undefined,
  unitOne?: string,
): Span[] {
  return [
    { strong: figureAmount(words, value, unit, unitOne) },
    words.t("phrases.after-amount", { attribution: attributionText(words, value) }),
  ];
}

export function sourceRefs(story: Story, ids: Iterable<string>): SourceRef[] {
  const out: SourceRef[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const s = story.sourcesById.get(id);
    if (s) {
      out.push({
        id: s.id,
        title: s.title,
        published: s.published,
        ...(s.publisher ? { publisher: s.publisher } : {}),
        ...(s.url ? { url: s.url } : {}),
      });
    }
  }
  return out;
}

/** A statement a reply shows: what it is about, the sources it cites (the first first), its quote. */
export interface Cited {
  what: string;
  sourceIds: readonly string[];
  evidence?: string | undefined;
}

/**
 * A reply's footer and evidence from the statements it shows: the footer cites their sources
 * published by then; the evidence is each statement's quote from its first source.
 */
export function cite(
  words: Words,
  at: StoryAt,
  settings: { staleAfterDays: number },
  cited: readonly Cited[],
): { footer: ReplyFooter; evidence?: Evidence[] } {
  const footer = footerFor(
    words,
    at,
    settings,
    cited.flatMap((c) => c.sourceIds),
  );
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const c of cited) {
    const first = c.sourceIds[0];
    if (!c.evidence || !first || !at.knowsSource(first)) continue;
    const key = `${first}\u0000${c.evidence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [source] = sourceRefs(at.story, [first]);
    if (source) evidence.push({ what: c.what, quote: c.evidence, source });
  }
  return evidence.length ? { footer, evidence } : { footer };
}

/** The footer every answer carries: its sources (those published by then), the as-of date, staleness. */
export function footerFor(
  words: Words,
  at: StoryAt,
  settings: { staleAfterDays: number },
  ids: Iterable<string>,
): ReplyFooter {
  const named = sourceRefs(
    at.story,
    [...ids].filter((id) => at.knowsSource(id)),
  );
  // A reply that names no particular source (an empty page, a help text) cites what the story's
  // summary rests on then, else its newest source: listing every source of a long story says nothing.
  const sources = named.length > 0 ? named : sourceRefs(at.story, storySources(at));
  const footer: ReplyFooter = { sources, asOf: at.asOf };
  const age = daysBetween(at.asOf, at.today);
  if (age > settings.staleAfterDays) {
    footer.staleWarning = words.t("phrases.stale", { days: age });
  }
  return footer;
}

/** The sources a story rests on at an instant: its summary's then, or the newest one published. */
function storySources(at: StoryAt): string[] {
  const summary = (at.story.tracks.summary.at(at.t)?.sourceIds ?? []).filter((id) => at.knowsSource(id));
  if (summary.length) return summary;
  const newest = at
    .sources()
    .reduce<{ id: string; published: string } | undefined>(
      (best, s) => (!best || s.published > best.published ? s : best),
      undefined,
    );
  return newest ? [newest.id] : [];
}

/** A point in time as rich text: a date never shifted; an instant as a platform timestamp. */
export function whenSpan(
  words: Words,
  when: When,
  timeZone: string,
  style: "datetime" | "date" = "datetime",
): Span {
  if (when.precision === "date") return words.longDate(when.date);
  return { instant: when.instant, style, fallback: words.instant(when.instant, timeZone) };
}

/** "tomorrow", "4 days ago" (dates, on the story's calendar) or "in 3 hours" (instants). */
export function relativeSpan(words: Words, when: When, now: Date, timeZone: string): Span {
  if (when.precision === "date")
    return words.relativeDays(daysBetween(localDateOf(now, timeZone), when.date));
  return {
    instant: when.instant,
    style: "relative",
    fallback: words.relativeDuration(when.instant.getTime() - now.getTime()),
  };
}

/** Whether a point in time is past (a date is past once its day is over in the story's zone). */
export function isPast(when: When, now: Date, timeZone: string): boolean {
  if (when.precision === "date") return daysBetween(localDateOf(now, timeZone), when.date) < 0;
  return when.instant.getTime() <= now.getTime();
}

export function progressBar(fraction: number, width = 10): string {
  const f = Math.min(1, Math.max(0, fraction));
  const filled = Math.floor(f * width);
  return `${"▓".repeat(filled)}${"░".repeat(width - filled)} ${Math.round(f * 100)}%`;
}

/** A message's parameter: a text, a number, or a span (an instant a platform shows its own way). */
export type RichParam = string | number | Span | undefined;

const SLOT = /\uE000(\d+)\uE001/;

/**
 * A catalog message whose parameters may be spans, as rich text: the message is written whole in the
 * reader's words, then cut around the spans, so "ends <t:…:R>" stays one sentence in every language.
 */
export function richT(words: Words, key: MessageKey, params: Readonly<Record<string, RichParam>>): Span[] {
  const spans: Span[] = [];
  const plain: Record<string, string | number | undefined> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || typeof value === "string" || typeof value === "number") plain[name] = value;
    else {
      plain[name] = `\uE000${spans.length}\uE001`;
      spans.push(value);
    }
  }
  const parts = words.t(key, plain).split(SLOT);
  const out: Span[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const span = spans[Number(part)];
      if (span !== undefined) out.push(span);
    } else if (part) out.push(part);
  });
  return out;
}
