/**
 * The translations page and form as HTML, in the curator's four languages: every word of the page
 * from the catalog (no English catalog phrase in Arabic, Hebrew or French, the story's English texts
 * aside), the page's direction its language's, the translation's input right to left for Arabic and
 * Hebrew, and counts with each language's plural forms.
 */
import { html } from "hono/html";
import { describe, expect, it } from "vitest";
import { TEXT_FIELDS } from "../../src/dataset/schema-translations.js";
import { translationFormBody, translationsBody } from "../../src/desk/translations-views.js";
import { LANGUAGES } from "../../src/language/languages.js";
import { wordsFor } from "../../src/language/words.js";
import { englishLeaks } from "../support/index.js";

const ROWS = [
  { path: "phases[1].name", field: "name", english: "Phase two" },
  { path: "phases[0].name", field: "name", english: "Phase one", translation: "المرحلة الأولى" },
];
const view = (count: number) => ({
  storyId: "gaza-2025",
  language: "ar" as const,
  counts: { ar: count, he: 0, fr: 2 },
  rows: ROWS,
});
const page = async (language: (typeof LANGUAGES)[number], count = 1) =>
  String(await translationsBody(wordsFor(language), view(count), html`<nav></nav>`));
const form = async (language: (typeof LANGUAGES)[number], into: "ar" | "he" | "fr") =>
  String(
    await translationFormBody(wordsFor(language), {
      storyId: "gaza-2025",
      language: into,
      row: { path: "deadlines[0].phrase", field: "phrase", english: "Phase one ends" },
      csrf: "token",
      version: "v1",
    }),
  );
const ENGLISH_TEXTS = ["Phase two", "Phase one", "Phase one ends"];

describe.each(["ar", "he", "fr"] as const)("the translations page for a curator reading %s", (language) => {
  it("writes every word in that language", async () => {
    expect(englishLeaks(await page(language), language, { except: ENGLISH_TEXTS })).toEqual([]);
    expect(englishLeaks(await form(language, "he"), language, { except: ENGLISH_TEXTS })).toEqual([]);
  });

  it("runs in that language's direction", async () => {
    const dir = language === "fr" ? "ltr" : "rtl";
    expect(await page(language)).toContain(`<div lang="${language}" dir="${dir}">`);
  });
});

describe("the translations page", () => {
  it("lists what is missing, each beside its English, and what is translated, each beside its translation", async () => {
    const body = await page("en");
    expect(body).toContain("Missing in Arabic");
    expect(body).toContain('<td lang="en" dir="ltr">Phase two</td>');
    expect(body).toContain('<td lang="ar" dir="rtl">المرحلة الأولى</td>');
    expect(body).toContain("1 text translated");
    expect(body).toContain("Arabic: 1 text missing");
    expect(body).toContain("Hebrew: nothing missing");
    expect(body).toContain("French: 2 texts missing");
  });

  it("counts in Arabic with its six plural forms", async () => {
    const counts = await Promise.all(
      [0, 1, 2, 3, 11, 100].map(async (n) => /العربية\u2069: ([^<]+)</.exec(await page("ar", n))?.[1]),
    );
    expect(counts).toEqual([
      "لا نصوص ناقصة",
      "نص واحد ناقص",
      "نصان ناقصان",
      "3 نصوص ناقصة",
      "11 نصًا ناقصًا",
      "100 نص ناقص",
    ]);
  });
});

describe("the translation form", () => {
  it("takes Arabic and Hebrew right to left, French left to right, the English beside it left to right", async () => {
    expect(await form("en", "ar")).toContain('name="translation" lang="ar" dir="rtl"');
    expect(await form("en", "he")).toContain('name="translation" lang="he" dir="rtl"');
    expect(await form("en", "fr")).toContain('name="translation" lang="fr" dir="ltr"');
    expect(await form("he", "ar")).toContain('<blockquote lang="en" dir="ltr">Phase one ends</blockquote>');
  });

  it("names the field in the curator's words", async () => {
    expect(await form("en", "ar")).toContain("The reminder sentence in Arabic");
    expect(await form("fr", "he")).toContain("phrase de rappel en hébreu");
  });

  it("has a name in every language for every text of a story", () => {
    const fields = new Set(Object.values(TEXT_FIELDS).flat());
    for (const language of LANGUAGES)
      for (const field of fields)
        expect(wordsFor(language).t(`data.field.${field}` as never), `${language} ${field}`).not.toMatch(
          /^data\./,
        );
  });
});
