/**
 * Replies written in Arabic or Hebrew, for the right-to-left specs: seeded random replies whose texts
 * sit at and past every platform limit (titles, summaries, fields, lines, buttons, sources), made of
 * sentences with Latin names, ids, numbers and dates isolated as the bot's words isolate them
 * (`wordsFor(language).isolate`), and data texts balanced as the loader balances them
 * (`isolateBidi`), hostile controls included. The same seed always gives the same reply.
 */
import { isolateBidi } from "../../src/dataset/text-safety.js";
import type { Language } from "../../src/language/languages.js";
import { wordsFor } from "../../src/language/words.js";
import type { Reply, ReplyField, Rich, SourceRef, Span } from "../../src/reply/reply.js";
import { Gen } from "./random-story.js";

export type RightToLeft = Extract<Language, "ar" | "he">;

/** Words of news prose in each language (Modern Standard Arabic; Hebrew as the news writes it). */
const WORDS: Record<RightToLeft, readonly string[]> = {
  ar: [
    "وقف",
    "إطلاق",
    "النار",
    "في",
    "غزة",
    "المرحلة",
    "الأولى",
    "الأسرى",
    "المحتجزين",
    "بحسب",
    "المصدر",
    "الموعد",
    "النهائي",
    "انسحاب",
    "القوات",
    "من",
    "محور",
    "المفاوضات",
    "الوسطاء",
    "اتفاق",
  ],
  he: [
    "הפסקת",
    "האש",
    "בעזה",
    "השלב",
    "הראשון",
    "החטופים",
    "האסירים",
    "הפלסטינים",
    "לפי",
    "מקור",
    "המועד",
    "נסיגת",
    "הכוחות",
    "מציר",
    "המשא",
    "ומתן",
    "המתווכים",
    "ההסכם",
    "שוחררו",
    "נכון",
  ],
};

/** What a right-to-left sentence carries that runs left to right: names, ids, numbers, dates, hostile text. */
const LATIN = [
  "Hamas",
  "Israel",
  "Netzarim Corridor",
  "phase-2",
  "src-aj-2025-02-28",
  "2025-03-01",
  "1,904",
  "33",
  "*bold* _italic_ `code`",
  "@everyone <@123456789012345678>",
  "😀👍🏽",
  "\u202eoverride left open",
  "\u2067isolate left open",
  "stray closers \u2069\u202c",
];

const LENGTHS = [
  75, 76, 80, 81, 100, 101, 150, 151, 256, 257, 1024, 1025, 2000, 2001, 3000, 3001, 4096, 4097, 6001,
];

/** A paragraph of about `length` characters in the language, its Latin pieces isolated. */
export function rtlText(g: Gen, language: RightToLeft, length: number): string {
  const words = wordsFor(language);
  let out = "";
  while (out.length < length) {
    out += g.chance(0.2) ? words.isolate(isolateBidi(g.pick(LATIN))) : g.pick(WORDS[language]);
    out += g.chance(0.05) ? "\n" : " ";
  }
  // A data text is balanced at load; the bot's own sentences carry only balanced isolates already.
  return isolateBidi(Array.from(out).slice(0, length).join("").trim()) || g.pick(WORDS[language]);
}

function size(g: Gen, longness: number): number {
  return g.chance(longness) ? g.pick(LENGTHS) : g.int(3, 60);
}

function rich(g: Gen, language: RightToLeft, longness = 0.4): Rich {
  const spans: Span[] = [];
  for (let n = g.int(1, 4); n > 0; n--) {
    const text = rtlText(g, language, size(g, longness));
    const kind = g.int(0, 3);
    if (kind === 0) spans.push({ strong: text });
    else if (kind === 1) spans.push({ link: text, url: `https://example.org/${g.int(1, 999)}` });
    else if (kind === 2)
      spans.push({ instant: new Date(Date.UTC(2025, 2, g.int(1, 28))), style: "date", fallback: text });
    else spans.push(text);
    spans.push(" ");
  }
  return spans;
}

function source(g: Gen, language: RightToLeft, i: number): SourceRef {
  return {
    id: `src-${i}`,
    title: rtlText(g, language, size(g, 0.3)),
    ...(g.chance(0.6) ? { publisher: rtlText(g, language, size(g, 0.2)) } : {}),
    ...(g.chance(0.7) ? { url: `https://example.org/source/${i}` } : {}),
    published: "2025-02-28",
  };
}

/** A random answer (or error) in Arabic or Hebrew, every part of it at or past a limit now and then. */
export function rtlReply(seed: number, language: RightToLeft): Reply {
  const g = new Gen(seed);
  const fields: ReplyField[] = Array.from({ length: g.chance(0.6) ? g.int(0, 30) : 0 }, () => ({
    name: rtlText(g, language, size(g, 0.3)),
    value: rich(g, language),
    inline: g.chance(0.5),
  }));
  const lines = Array.from({ length: g.chance(0.5) ? g.int(0, 120) : 0 }, () => rich(g, language, 0.1));
  const sources = Array.from({ length: g.int(0, 30) }, (_, i) => source(g, language, i));
  return {
    kind: g.chance(0.9) ? "answer" : "error",
    language,
    title: rtlText(g, language, size(g, 0.5)),
    ...(g.chance(0.8) ? { summary: rich(g, language, 0.5) } : {}),
    ...(fields.length ? { fields } : {}),
    ...(lines.length ? { lines } : {}),
    ...(g.chance(0.8) ? { footer: { sources, asOf: "2025-03-01" } } : {}),
    ephemeral: g.chance(0.5),
    buttons: Array.from({ length: g.int(0, 8) }, (_, i) =>
      g.chance(0.5)
        ? { label: rtlText(g, language, size(g, 0.5)), command: "timeline", options: { page: String(i + 2) } }
        : { label: rtlText(g, language, size(g, 0.5)), url: `https://example.org/desk/${i}` },
    ),
    evidence: sources.slice(0, 3).map((s) => ({
      what: rtlText(g, language, size(g, 0.2)),
      quote: rtlText(g, language, size(g, 0.3)),
      source: s,
    })),
  };
}
