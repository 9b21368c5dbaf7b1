/**
 * `ceasefire-bot validate [PATH] [--sources DIR]`: the data checked, and with --sources compared with
 * the archived texts of its sources; every problem one `file: path: message` line on stderr.
 */
import { describe, expect, it } from "vitest";
import {
  brokenShippedCopy,
  runCli as cli,
  FIGURE_SENTENCE,
  reported,
  SOURCE_HEADER,
  smallStory,
  sourcedFigure,
  tempDir,
  writeStoryFolder,
} from "../support/index.js";

describe("ceasefire-bot validate", () => {
  it("accepts the shipped data: every story, Gaza the default", () => {
    const r = cli(["validate"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "3 valid stories (gaza-2025, india-pakistan-2025, lebanon-2024); default gaza-2025",
    );
  });

  it("lists per language the texts with no translation, as a warning that does not fail", () => {
    const story = smallStory();
    story.story.translations = { ar: { title: "قصة صغيرة" }, he: { title: "סיפור קטן", summary: "סיפור." } };
    const dir = writeStoryFolder({ "story.json": story });
    const r = cli(["validate", dir]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const file = reported(dir, "story.json");
    expect(r.out.split("\n").filter((l) => l.includes("translations"))).toEqual([
      `${file}: translations: ar: 1 missing: story.summary`,
      `${file}: translations: fr: 2 missing: story.title, story.summary`,
    ]);
  });

  it("names the first ten missing texts of a language and counts the others", () => {
    const r = cli(["validate"]);
    const french =
      r.out.split("\n").find((l) => l.startsWith("data/gaza-2025.json: translations: fr:")) ?? "";
    expect(french).toMatch(
      /^data\/gaza-2025\.json: translations: fr: \d+ missing: story\.summary\[0\]\.text, /,
    );
    expect(french.split(", ").length).toBe(11);
    expect(french).toMatch(/, and \d+ more$/);
  });

  it("exits 1 listing every error with its file and path", () => {
    const dir = brokenShippedCopy();
    const r = cli(["validate", dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("story.json: figures[1].values[0].attribution: Too small");
    expect(r.err).toContain("story.json: deadlines[0].due:");
    expect(r.err).toContain("2 errors in");
  });

  describe("--sources DIR", () => {
    /** A data folder holding one small story with a figure, and a folder of archived source texts. */
    function folders(article: string) {
      // The figure's evidence is the article's sentence that states it.
      const figure = sourcedFigure({ evidence: FIGURE_SENTENCE });
      const data = writeStoryFolder({ "story.json": smallStory({ figures: [figure] }) });
      const sources = writeStoryFolder({ "article.txt": `${SOURCE_HEADER}\n\n${article}\n` });
      return { data, sources, file: reported(data, "story.json") };
    }

    it("reports 48,000 missing from source aj-2025-02-28 with its file and path, and exits 1", () => {
      const { data, sources, file } = folders(FIGURE_SENTENCE.replace("48,000", "47,000"));
      const r = cli(["validate", data, "--sources", sources]);
      expect(r.code).toBe(1);
      // The value's evidence quotes the sentence with 48,000: the changed text does not say it either.
      const evidence = FIGURE_SENTENCE.replace(/\.$/, "");
      expect(r.err.split("\n")).toEqual([
        `${file}: figures[0].values[0].value: "48,000" not found in source aj-2025-02-28`,
        `${file}: figures[0].values[0].evidence: "${evidence}" not found in source aj-2025-02-28`,
        `2 errors in the data against the sources in ${sources}`,
        "",
      ]);
    });

    it("exits 0 when the source states it, saying what was checked against which text", () => {
      const { data, sources } = folders(FIGURE_SENTENCE);
      const r = cli(["validate", "--data", data, "--sources", sources]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toContain(
        `${sources}: 2 figures, quotes, names and dates found in 1 archived source (aj-2025-02-28 in article.txt); every source has its text archived`,
      );
    });

    it("names the sources with no archived text, and checks nothing against them", () => {
      const { data } = folders(FIGURE_SENTENCE);
      const empty = tempDir();
      const r = cli(["validate", data, "--sources", empty]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`${empty}: nothing to check; no archived text for aj-2025-02-28`);
    });
  });
});
