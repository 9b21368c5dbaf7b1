/**
 * Words in one language: the catalog's messages formatted with their parameters, and numbers, dates,
 * times, relative days and lists by Intl in that language. Handlers, alerts and the desk get a
 * `Words` for the reader (or channel) and write every sentence through it; none concatenates
 * sentences of its own.
 *
 * In Arabic and Hebrew, each text parameter is isolated (FSI … PDI) so a Latin name, an id or a
 * number keeps its own order inside the right-to-left sentence, and a sentence that opens with one
 * starts with a right-to-left mark so it is still laid out right to left; English and French sentences are
 * left as they are (a story's texts are already isolated where they need it: src/dataset/text-safety.ts).
 */
import { IntlMessageFormat } from "intl-messageformat";
import type { LocalDate } from "../time/calendar.js";
import { CATALOGS, type MessageKey } from "./catalogs/index.js";
import { DEFAULT_LANGUAGE, direction, INTL_LOCALES, type Language } from "./languages.js";

export type { MessageKey } from "./catalogs/index.js";

/** A message's parameters: texts, numbers, dates (formatted by the message's own `{x, number}`, …). */
export type Params = Readonly<Record<string, string | number | Date | undefined>>;

export interface Words {
  readonly language: Language;
  /** The tag Intl formats with ("en-GB", "ar", "he", "fr"). */
  readonly locale: string;
  readonly dir: "ltr" | "rtl";
  /** A catalog message with its parameters. */
  t(key: MessageKey, params?: Params): string;
  number(value: number): string;
  /** "Saturday 1 March 2025", "السبت، 1 مارس 2025": on the calendar, never shifted by a zone. */
  longDate(date: LocalDate): string;
  /** "1 Mar 2025", "1 mars 2025". */
  shortDate(date: LocalDate): string;
  /** An instant in a zone: "1 Mar 2025, 10:00 GMT+2". */
  instant(instant: Date, timeZone: string): string;
  /** "today", "tomorrow", "in 3 days", "4 days ago" (Intl.RelativeTimeFormat, numeric auto). */
  relativeDays(days: number): string;
  /** "in 3 hours", "20 minutes ago", "now". */
  relativeDuration(ms: number): string;
  /** "a, b and c" (conjunction) or "a, b or c" (disjunction). */
  list(items: readonly string[], type?: "conjunction" | "disjunction"): string;
  /** A text isolated (FSI … PDI) in a right-to-left language, as it is in a left-to-right one. */
  isolate(text: string): string;
  /**
   * A plural message of the data's own over `count` (a translated unit:
   * `{count, plural, one {أسير} few {أسرى} many {أسيرًا} other {أسير}}`), said for `count` by this
   * language's plural rules.
   */
  counted(message: string, count: number): string;
}

const FSI = "\u2068";
const PDI = "\u2069";
/** RIGHT-TO-LEFT MARK: a strong right-to-left character that shows nothing. */
const RLM = "\u200f";
/** A text whose first letter, past any isolates and marks, is Arabic or Hebrew: it reads right to left by itself. */
const OPENS_RTL = /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/** The type of a `select` element in a parsed message (the ICU parser's TYPE.select). */
const SELECT_ELEMENT = 5;

/** The names a message's `select`s choose by, at any depth. */
export function selectArguments(ast: ReturnType<IntlMessageFormat["getAst"]>): ReadonlySet<string> {
  const names = new Set<string>();
  const walk = (elements: ReturnType<IntlMessageFormat["getAst"]>): void => {
    for (const element of elements) {
      if (element.type === SELECT_ELEMENT && "options" in element) names.add(element.value);
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if ("children" in element) walk(element.children);
    }
  };
  walk(ast);
  return names;
}

function dateOf(date: LocalDate): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function makeWords(language: Language): Words {
  const locale = INTL_LOCALES[language];
  const dir = direction(language);
  const catalog = CATALOGS[language];
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const selectors = new Map<MessageKey, ReadonlySet<string>>();
  const counted = new Map<string, IntlMessageFormat>();
  const numbers = new Intl.NumberFormat(locale);
  const longDates = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const shortDates = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  const instants = new Map<string, Intl.DateTimeFormat>();
  const days = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const durations = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  const lists = {
    conjunction: new Intl.ListFormat(locale, { type: "conjunction" }),
    disjunction: new Intl.ListFormat(locale, { type: "disjunction" }),
  };
  const isolateLine = (line: string): string =>
    line === "" || (line.startsWith(FSI) && line.endsWith(PDI)) ? line : `${FSI}${line}${PDI}`;
  // An isolate ends with its paragraph: a text of several lines is isolated line by line.
  const isolate = (text: string): string =>
    dir === "ltr"
      ? text
      : text.includes("\n")
        ? text.split("\n").map(isolateLine).join("\n")
        : isolateLine(text);
  // A right-to-left paragraph that opens with a parameter (a Latin name, isolated) would be laid out
  // left to right by a client that finds a paragraph's direction from its first letter (dir="auto",
  // as Discord and Slack lay out messages): a leading RLM keeps it right to left.
  const markLine = (line: string): string =>
    line.startsWith(FSI) && !OPENS_RTL.test(line) ? `${RLM}${line}` : line;
  const mark = (text: string): string =>
    dir === "ltr" ? text : text.includes("\n") ? text.split("\n").map(markLine).join("\n") : markLine(text);

  const words: Words = {
    language,
    locale,
    dir,
    t(key, params) {
      let message = compiled.get(key);
      if (!message) {
        message = new IntlMessageFormat(catalog[key], locale);
        compiled.set(key, message);
      }
      if (!params) return String(message.format());
      let keys = selectors.get(key);
      if (!keys) {
        keys = selectArguments(message.getAst());
        selectors.set(key, keys);
      }
      const values: Record<string, string | number | Date> = {};
      for (const [name, value] of Object.entries(params)) {
        if (value === undefined) continue;
        // A `select`'s argument is a key to match, never shown: only shown text is isolated.
        values[name] = typeof value === "string" && !keys.has(name) ? isolate(value) : value;
      }
      return mark(String(message.format(values)));
    },
    number: (value) => numbers.format(value),
    longDate: (date) => {
      const text = longDates.format(dateOf(date));
      // British English writes "Saturday 1 March 2025" without Intl's comma after the weekday.
      return language === "en" ? text.replace(",", "") : text;
    },
    shortDate: (date) => shortDates.format(dateOf(date)),
    instant(instant, timeZone) {
      let f = instants.get(timeZone);
      if (!f) {
        f = new Intl.DateTimeFormat(locale, {
          timeZone,
          day: "numeric",
          month: "short",
          year: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
          timeZoneName: "short",
        });
        instants.set(timeZone, f);
      }
      return f.format(instant);
    },
    relativeDays: (n) => days.format(n, "day"),
    relativeDuration(ms) {
      const abs = Math.abs(ms);
      if (abs < 60_000) return words.t("common.now");
      // Round first, then pick the unit, so 59.9 minutes reads "1 hour", not "60 minutes".
      const minutes = Math.round(abs / 60_000);
      const hours = Math.round(abs / 3_600_000);
      const sign = ms > 0 ? 1 : -1;
      if (minutes < 60) return durations.format(sign * minutes, "minute");
      if (hours < 24) return durations.format(sign * hours, "hour");
      return durations.format(sign * Math.round(abs / 86_400_000), "day");
    },
    list: (items, type = "conjunction") => lists[type].format(items.map(isolate)),
    isolate,
    counted(text, count) {
      let message = counted.get(text);
      if (!message) {
        message = new IntlMessageFormat(text, locale);
        counted.set(text, message);
      }
      return String(message.format({ count }));
    },
  };
  return words;
}

const BY_LANGUAGE = new Map<Language, Words>();

/** The words of a language (made once per process: formatters and compiled messages are kept). */
export function wordsFor(language: Language): Words {
  let words = BY_LANGUAGE.get(language);
  if (!words) {
    words = makeWords(language);
    BY_LANGUAGE.set(language, words);
  }
  return words;
}

/** English: the data's language and every other's fallback. */
export const ENGLISH: Words = wordsFor(DEFAULT_LANGUAGE);
