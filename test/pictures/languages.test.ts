/**
 * The pictures in the reader's language: the alt text and every label drawn come from the catalog's
 * `pictures` area, with no English catalog phrase left in Arabic, Hebrew or French; Arabic and Hebrew
 * labels are drawn right to left on a time axis that still runs left to right, in glyphs of the
 * shipped fonts (not boxes).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate-story.js";
import { storyAt } from "../../src/dataset/asof.js";
import type { Story } from "../../src/dataset/dataset.js";
import { CATALOGS } from "../../src/language/catalogs/index.js";
import type { Language } from "../../src/language/languages.js";
import { wordsFor } from "../../src/language/words.js";
import { ALT_MAX, figureAlt, timelineAlt } from "../../src/pictures/alt-text.js";
import { figureDrawing } from "../../src/pictures/figure-chart.js";
import { figureModel } from "../../src/pictures/figure-model.js";
import { fontsDir, rasterize } from "../../src/pictures/rasterize.js";
import { textWidth } from "../../src/pictures/svg.js";
import { TIMELINE_WIDTH, timelineDrawing } from "../../src/pictures/timeline-chart.js";
import { timelineModel } from "../../src/pictures/timeline-model.js";
import { parseWhen } from "../../src/time/calendar.js";
import {
  AFTER,
  DURING,
  englishLeaks,
  shippedData,
  shippedStory,
  storyTexts,
  truceDataset,
  truceStory,
} from "../support/index.js";

const OTHERS = ["ar", "he", "fr"] as const;
const RLI = "\u2067";
const PDI = "\u2069";

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
/** The texts a picture draws, as written (isolates included). */
const texts = (svg: string) =>
  [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => unescapeXml(m[1] ?? ""));
/** Each text's horizontal extent, as the chart estimates text widths (textWidth). */
const textSpans = (svg: string) =>
  [...svg.matchAll(/<text x="([\d.-]+)"[^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => {
    const [x, size, content] = [Number(m[1]), Number(m[2]), unescapeXml(m[3] ?? "")];
    const width = textWidth(content.replace(/[\u2066-\u2069]/g, ""), size);
    const anchor = /text-anchor="(end|middle)"/.exec(m[0])?.[1];
    const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
    return { content, left, right: left + width };
  });

const gaza = (language: Language, at: string, options = {}) =>
  timelineDrawing(
    storyAt(shippedData().defaultStory, new Date(at), language),
    "timeline",
    options,
    wordsFor(language),
  );
const truce = (language: Language, at: string) =>
  timelineDrawing(
    storyAt(truceDataset().defaultStory, new Date(at), language),
    "timeline",
    {},
    wordsFor(language),
  );
/** A figure's track as the story reads in `language` (its label and unit translated). */
const trackOf = (language: Language, story: Story, id: string, at: string) => {
  const read = storyAt(story, new Date(at), language);
  const track = read.story.tracks.figures.find((f) => f.figure.id === id);
  if (!track) throw new Error(`no figure ${id}`);
  return { read, track };
};
const figure = (language: Language, story: Story, id: string, at: string) => {
  const { read, track } = trackOf(language, story, id, at);
  return figureDrawing(read, track, wordsFor(language));
};
/** The English the data may show (its own texts, where a translation is missing). */
const DATA = [...storyTexts(shippedStory()), ...storyTexts(truceStory())];

/** Every picture of these specs in `language`: the shipped story's and the truce's, both charts. */
function pictures(language: Language) {
  const window = { from: parseWhen("2025-02-01"), to: parseWhen("2025-02-08") };
  return [
    gaza(language, DURING),
    gaza(language, AFTER, { highlight: "phase-one" }),
    gaza(language, DURING, { window }),
    truce(language, "2025-01-26T08:00:00Z"),
    truce(language, "2025-02-15T08:00:00Z"),
    figure(language, shippedData().defaultStory, "captives-remaining", DURING),
  ].map((drawing) => {
    if (!drawing) throw new Error("a picture of the specs was not drawn");
    return drawing;
  });
}

describe("the pictures in the reader's language", () => {
  it.each(OTHERS)("leaves no English catalog phrase in the alt text or the labels, in %s", (language) => {
    for (const drawing of pictures(language)) {
      expect(englishLeaks(drawing.alt, language, { except: DATA }), drawing.alt).toEqual([]);
      const labels = texts(drawing.svg).join("\n");
      expect(englishLeaks(labels, language, { except: DATA }), labels).toEqual([]);
    }
  });

  it("says the timeline in Arabic, Hebrew and French, dates and counts in the language", () => {
    expect(gaza("ar", DURING)?.alt).toMatch(/^التسلسل الزمني لـ.* كما عُرف حتى \u206828 فبراير 2025\u2069/);
    expect(gaza("ar", DURING)?.alt).toContain("22 حدثًا معروفًا.");
    expect(gaza("he", DURING)?.alt).toContain("22 אירועים ידועים.");
    expect(gaza("fr", DURING)?.alt).toContain("Phase un, du 19 janv. 2025 au 1 mars 2025, en vigueur");
    expect(gaza("fr", DURING)?.alt).toMatch(/22 événements connus\.$/);
    expect(truce("fr", "2025-01-26T08:00:00Z")?.alt).toContain("(auparavant le 26 janv. 2025), prolongée");
    expect(
      gaza("he", DURING, { window: { from: parseWhen("2025-02-01"), to: parseWhen("2025-02-08") } })?.alt,
    ).toContain("העמוד הזה מכסה את \u20681 בפבר׳ 2025\u2069 עד \u20688 בפבר׳ 2025\u2069.");
  });

  it("says Arabic's plural forms of the events known for 0, 1, 2, 3, 11 and 100", () => {
    const m = timelineModel(storyAt(shippedData().defaultStory, new Date(DURING), "ar"));
    const said = (count: number) =>
      timelineAlt({ ...m, eventsTotal: count }, wordsFor("ar"))
        .split(". ")
        .at(-1);
    expect([0, 1, 2, 3, 11, 100].map(said)).toEqual([
      "لا أحداث معروفة.",
      "حدث واحد معروف.",
      "حدثان معروفان.",
      "3 أحداث معروفة.",
      "11 حدثًا معروفًا.",
      "100 حدث معروف.",
    ]);
  });

  it("counts what does not fit in the language, within 1,000 characters", () => {
    const story = generateDataset().defaultStory;
    const at = new Date("2024-12-31T12:00:00Z");
    for (const language of OTHERS) {
      const alt = timelineAlt(timelineModel(storyAt(story, at, language)), wordsFor(language));
      expect([...alt].length).toBeLessThanOrEqual(ALT_MAX);
      expect(alt).toMatch(
        {
          ar: /؛ (و[\d,]+ أخرى|واثنان آخران|وواحد آخر)\u2069\./,
          he: /; (ועוד [\d,]+|ועוד אחד|ועוד שניים)\u2069\./,
          fr: / ; et [\d\s\u202f]+ autres?\./,
        }[language],
      );
      expect(englishLeaks(alt, language, { except: ["Benchmark story"] })).toEqual([]);
    }
  });

  it("says a figure's values in the language, the earlier ones counted with Arabic's plurals", () => {
    const drawing = figure("ar", shippedData().defaultStory, "captives-remaining", DURING);
    expect(drawing?.alt).toMatch(/^مخطط درجي لـ.*: 5 قيم من /);
    expect(drawing?.alt).toContain("بحسب \u2068The Media Line\u2069");
    const { read, track } = trackOf("ar", shippedData().defaultStory, "captives-remaining", DURING);
    const m = figureModel(read, track, wordsFor("ar"));
    expect(m.points[0]?.amount).toBe("أكثر من 90 محتجزًا");
    // 1,000 values, of which only the five known are listed: the rest counted as earlier values.
    expect(figureAlt({ ...m, total: 1_000 }, wordsFor("ar"))).toMatch(/؛ و995 قيمة سابقة\u2069?\.$/);
    expect(figureAlt({ ...m, total: 7 }, wordsFor("ar"))).toMatch(/؛ وقيمتان سابقتان\u2069?\.$/);
  });

  it("keeps English as it was: the same alt text and SVG with English words as without", () => {
    const english = gaza("en", DURING);
    const before = timelineDrawing(storyAt(shippedData().defaultStory, new Date(DURING)), "timeline");
    expect(english?.svg).toBe(before?.svg);
    expect(english?.alt).toBe(before?.alt);
  });
});

describe("right to left in the drawing", () => {
  it.each(["ar", "he"] as const)(
    "draws each %s label as a right-to-left paragraph, inside the picture",
    (language) => {
      for (const drawing of pictures(language)) {
        const all = texts(drawing.svg);
        expect(all.length).toBeGreaterThan(5);
        for (const t of all) expect(t.startsWith(RLI) && t.endsWith(PDI), t).toBe(true);
        for (const span of textSpans(drawing.svg)) {
          expect(span.left, span.content).toBeGreaterThanOrEqual(0);
          expect(span.right, span.content).toBeLessThanOrEqual(TIMELINE_WIDTH);
        }
      }
      // English and French labels carry no direction of their own.
      expect(texts(gaza("fr", DURING)?.svg ?? "").some((t) => t.includes(RLI))).toBe(false);
    },
  );

  it("writes the Arabic words in the SVG's text nodes, the title and headings from the right", () => {
    const svg = gaza("ar", DURING)?.svg ?? "";
    const all = texts(svg).join("\n");
    for (const words of [
      "التسلسل الزمني: ",
      "المراحل",
      "المواعيد النهائية",
      "اليوم، ",
      "الأحداث المعروفة: ",
      "سارية",
      "مقرّر",
    ])
      expect(all).toContain(words);
    expect(svg).toMatch(
      /<text x="1160" y="30" [^>]*text-anchor="end" font-weight="bold"[^>]*>\u2067التسلسل الزمني/,
    );
    expect(svg).toContain('font-family="Noto Sans Arabic, Noto Sans, Noto Sans Hebrew"');
  });

  it("keeps the time axis left to right: later ticks further right, in the language's months", () => {
    const svg = gaza("he", DURING)?.svg ?? "";
    const ticks = [...svg.matchAll(/<text x="([\d.]+)" y="481"[^>]*>\u2067([^<]*)\u2069<\/text>/g)].map(
      (m) => ({
        x: Number(m[1]),
        label: m[2],
      }),
    );
    expect(ticks.map((t) => t.label)).toEqual([
      "14 בינו׳",
      "21 בינו׳",
      "28 בינו׳",
      "4 בפבר׳",
      "11 בפבר׳",
      "18 בפבר׳",
      "25 בפבר׳",
      "4 במרץ",
    ]);
    expect(ticks.map((t) => t.x)).toEqual([...ticks.map((t) => t.x)].sort((a, b) => a - b));
  });

  it("draws a PNG of the Arabic and Hebrew pictures unlike the English one", () => {
    const english = Buffer.from(rasterize(gaza("en", DURING)?.svg ?? ""));
    for (const language of ["ar", "he"] as const) {
      const png = Buffer.from(rasterize(gaza(language, DURING)?.svg ?? ""));
      expect(png.equals(english)).toBe(false);
    }
  });

  it("writes the Arabic chart's own labels in characters the Arabic font has (else resvg draws boxes)", () => {
    const arabicFont = codePoints(join(fontsDir(), "NotoSansArabic-Regular.ttf"));
    expect(arabicFont.has("ل".codePointAt(0) ?? 0)).toBe(true);
    expect(arabicFont.has("(".codePointAt(0) ?? 0)).toBe(false);
    const missing = new Set<string>();
    for (const [key, message] of Object.entries(CATALOGS.ar)) {
      if (!/^pictures\.(chart|phase-state|deadline-status)\./.test(key)) continue;
      for (const ch of literals(parse(message)).join(""))
        if (!arabicFont.has(ch.codePointAt(0) ?? 0)) missing.add(ch);
    }
    expect([...missing]).toEqual([]);
    // The Arabic dates and numbers of the chart too (Intl's Latin digits and Arabic months).
    const words = wordsFor("ar");
    for (const ch of `${words.shortDate("2025-09-04")} ${words.number(1234567.5)}`)
      expect(arabicFont.has(ch.codePointAt(0) ?? 0), ch).toBe(true);
  });
});

/** The literal runs of a message, inside its plurals too. */
function literals(elements: readonly MessageFormatElement[], into: string[] = []): string[] {
  for (const e of elements) {
    if (e.type === TYPE.literal) into.push(e.value);
    else if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const option of Object.values(e.options)) literals(option.value, into);
  }
  return into;
}

/** The code points a TrueType font maps to a glyph (its cmap's format 4 and 12 subtables). */
function codePoints(file: string): Set<number> {
  const b = readFileSync(file);
  const out = new Set<number>();
  let cmap = 0;
  for (let i = 0; i < b.readUInt16BE(4); i++) {
    const r = 12 + 16 * i;
    if (b.toString("ascii", r, r + 4) === "cmap") cmap = b.readUInt32BE(r + 8);
  }
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++) {
    const sub = cmap + b.readUInt32BE(cmap + 4 + 8 * i + 4);
    const format = b.readUInt16BE(sub);
    if (format === 4) {
      const segments = b.readUInt16BE(sub + 6) / 2;
      const ends = sub + 14;
      const starts = ends + 2 * segments + 2;
      const deltas = starts + 2 * segments;
      const offsets = deltas + 2 * segments;
      for (let s = 0; s < segments; s++) {
        const [end, start] = [b.readUInt16BE(ends + 2 * s), b.readUInt16BE(starts + 2 * s)];
        const [delta, offset] = [b.readInt16BE(deltas + 2 * s), b.readUInt16BE(offsets + 2 * s)];
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = offset
            ? b.readUInt16BE(offsets + 2 * s + offset + 2 * (c - start))
            : (c + delta) & 0xffff;
          if (glyph) out.add(c);
        }
      }
    } else if (format === 12) {
      for (let g = 0; g < b.readUInt32BE(sub + 12); g++) {
        const r = sub + 16 + 12 * g;
        for (let c = b.readUInt32BE(r); c <= b.readUInt32BE(r + 4); c++) out.add(c);
      }
    }
  }
  return out;
}
