/**
 * The pictures /timeline, /phase and /figures figure:… attach, in the reader's language: their alt
 * text and their labels are written with the command's `context.words`, never in English for a
 * reader of Arabic, Hebrew or French (the story's own English texts excepted).
 */
import { describe, expect, it } from "vitest";
import type { Language } from "../../src/language/languages.js";
import type { Reply } from "../../src/reply/reply.js";
import { DURING, englishLeaks, run, runIn, shippedStory, storyTexts } from "../support/index.js";

const ASKED = [
  ["timeline", {}],
  ["phase", {}],
  ["figures", { figure: "captives-remaining" }],
] as const;

/** What the picture says: its alt text and the texts it draws. */
function pictureWords(reply: Reply): { alt: string; labels: string } {
  const picture = reply.picture;
  if (!picture) throw new Error(`no picture in ${reply.title}`);
  const labels = [...picture.svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? "");
  return { alt: picture.alt, labels: labels.join("\n") };
}

describe("the pictures the commands attach, in the reader's language", () => {
  it.each([
    ["ar", ["التسلسل الزمني لـ", "المراحل", "حدثًا معروفًا", "مخطط درجي لـ", "بحسب"]],
    ["he", ["ציר הזמן של", "שלבים", "אירועים ידועים", "תרשים מדרגות של", "לפי"]],
    ["fr", ["Chronologie «", "Phases", "événements connus", "Graphique en escalier «", "selon"]],
  ] as const)("writes the alt text and the labels of each picture in %s", (language: Language, expected) => {
    const said: string[] = [];
    for (const [name, options] of ASKED) {
      const reply = runIn(language, name, options, DURING);
      expect(reply.language).toBe(language);
      const { alt, labels } = pictureWords(reply);
      said.push(alt);
      expect(englishLeaks(alt, language, { except: storyTexts(shippedStory()) }), `${name}: ${alt}`).toEqual(
        [],
      );
      expect(
        englishLeaks(labels, language, { except: storyTexts(shippedStory()) }),
        `${name}: ${labels}`,
      ).toEqual([]);
    }
    for (const words of expected) expect(said.join("\n")).toContain(words);
  });

  it("keeps the English pictures as they were", () => {
    expect(pictureWords(run("phase", {}, DURING)).alt).toMatch(
      /^Timeline of .* as known on 28 Feb 2025, marked as today\. Phases: Phase one, from 19 Jan 2025 to 1 Mar 2025, in force; /,
    );
    expect(pictureWords(run("figures", { figure: "captives-remaining" }, DURING)).alt).toMatch(
      /^Step chart of Captives remaining in Gaza as known on 28 Feb 2025: 5 values from /,
    );
  });
});
