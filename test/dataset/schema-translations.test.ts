/**
 * A story file's texts and their translations: which fields are texts (one table for the schema, the
 * reading in a language, `validate` and the desk), how a translation is written (`translations` by
 * language, the same field names), what the schema refuses at its path, and what is missing.
 */
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/dataset/load.js";
import {
  missingTranslations,
  STORY_TEXTS,
  storyTexts,
  TEXT_FIELDS,
  TRANSLATED_LANGUAGES,
} from "../../src/dataset/schema-translations.js";
import { loadBroken, shippedStory, smallStory, writeStoryFolder } from "../support/index.js";

describe("the texts of a story file", () => {
  it("are translated into Arabic, Hebrew and French, never into English, the data's own language", () => {
    expect(TRANSLATED_LANGUAGES).toEqual(["ar", "he", "fr"]);
  });

  it("are found at the paths validate writes, a history's entries each on their own", () => {
    const paths = [...storyTexts(shippedStory())].map((t) => t.path);
    expect(paths).toContain("story.title");
    expect(paths).toContain("phases[0].name");
    expect(paths).toContain("phases[0].status[0].note");
    expect(paths).toContain("phases[0].terms[0].text");
    expect(paths).toContain("figures[0].values[0].attribution");
    expect(paths).toContain("people[0].role[0].role");
    expect(paths).toContain("deadlines[0].phrase");
  });

  it("never include a quote: evidence and a statement's words stay as they were said", () => {
    const texts = [...storyTexts(shippedStory())];
    expect(texts.filter((t) => /evidence|quote|claims/.test(t.path))).toEqual([]);
    expect(Object.values(TEXT_FIELDS).flat()).not.toContain("evidence");
    expect(Object.keys(STORY_TEXTS)).not.toContain("claims");
  });

  it("include a one-value summary, and each entry of a summary's history", () => {
    expect([...storyTexts(smallStory())].map((t) => t.path)).toEqual(["story.title", "story.summary"]);
    expect([...storyTexts(shippedStory())].map((t) => t.path)).toContain("story.summary[1].text");
  });

  it("are missing in a language where the file gives no translation, in the file's order", () => {
    const story = smallStory();
    story.story.translations = {
      ar: { title: "قصة صغيرة" },
      fr: { title: "Petite histoire", summary: "Bref." },
    };
    expect(missingTranslations(story, "ar")).toEqual(["story.summary"]);
    expect(missingTranslations(story, "he")).toEqual(["story.title", "story.summary"]);
    expect(missingTranslations(story, "fr")).toEqual([]);
  });
});

describe("what the schema accepts", () => {
  it("a translation of some of an item's texts, in any of the three languages", async () => {
    const story = shippedStory();
    story.phases[1].translations = { fr: { name: "Phase deux" } };
    story.phases[1].status[0].translations = { fr: { note: "Les pourparlers ont commencé au Caire." } };
    story.figures[0].values[0].translations = { he: { note: "לאחר השחרורים הראשונים." } };
    const result = await loadDataset(writeStoryFolder({ "story.json": story }));
    expect(result.ok).toBe(true);
  });
});

describe("what the schema refuses, at the path of the translation", () => {
  it("a language that is not one of the bot's", async () => {
    expect(
      await loadBroken((s) => {
        s.phases[0].translations = { de: { name: "Phase eins" } };
      }),
    ).toEqual(['phases[0].translations: unknown field(s) "de"']);
  });

  it("a field the item does not translate, or has not at all", async () => {
    expect(
      await loadBroken((s) => {
        s.phases[0].translations = { ar: { title: "المرحلة الأولى", name: "المرحلة الأولى" } };
        s.phases[0].status[0].translations = { he: { status: "מתוכנן" } };
      }),
    ).toEqual([
      'phases[0].status[0].translations.he: unknown field(s) "status"',
      'phases[0].translations.ar: unknown field(s) "title"',
    ]);
  });

  it("a translation of a quote: evidence is never translated", async () => {
    expect(
      await loadBroken((s) => {
        s.phases[0].terms[0].translations = { fr: { evidence: "Selon la source." } };
      }),
    ).toEqual(['phases[0].terms[0].translations.fr: unknown field(s) "evidence"']);
  });

  it("a unit that opens a plural message and does not close it", async () => {
    expect(
      await loadBroken((s) => {
        s.figures[0].translations = { ar: { unit: "{count, plural, one {أسير} other {أسرى}" } };
      }),
    ).toEqual([
      "figures[0].translations.ar.unit: a unit is a word, or an ICU plural message like {count, plural, one {…} other {…}}",
    ]);
  });

  it("an empty translation", async () => {
    expect(
      await loadBroken((s) => {
        s.deadlines[0].translations = { ar: { phrase: "" } };
      }),
    ).toEqual(["deadlines[0].translations.ar.phrase: Too small: expected string to have >=1 characters"]);
  });
});
