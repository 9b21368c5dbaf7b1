/**
 * The source check: every figure value, count, quote, name and date of a story that cites a source
 * whose text is archived must be found in that text. Each case writes its own small text.
 */
import { describe, expect, it } from "vitest";
import { formatDataError } from "../../src/dataset/load.js";
import { type StoryFile, storyFileSchema } from "../../src/dataset/schema.js";
import { checkAgainstSources, matchArchives } from "../../src/dataset/source-check.js";
import { FIGURE_SENTENCE, SOURCE_HEADER, SOURCE_ID, smallStory, sourcedFigure } from "../support/index.js";

function story(parts: Record<string, unknown>): StoryFile {
  return storyFileSchema.parse(smallStory(parts));
}

/** The problems of a small story against `text` as the archived text of its source. */
function problems(parts: Record<string, unknown>, text: string): string[] {
  return checkAgainstSources(story(parts), "story.json", new Map([[SOURCE_ID, text]])).map(formatDataError);
}

const figureProblems = (value: Record<string, unknown>, text: string) =>
  problems({ figures: [sourcedFigure(value)] }, text);

const event = (when: string, extra: Record<string, unknown> = {}) => ({
  events: [{ id: "e", when, title: "Something happens", sourceIds: [SOURCE_ID], ...extra }],
});

describe("figure values", () => {
  it("finds 48,000 written with a comma, in the sentence that attributes it", () => {
    expect(figureProblems({}, FIGURE_SENTENCE)).toEqual([]);
  });

  it("finds 48,000 written without a comma", () => {
    expect(figureProblems({}, FIGURE_SENTENCE.replace("48,000", "48000"))).toEqual([]);
  });

  it("reports 48,000 missing from source aj-2025-02-28", () => {
    expect(figureProblems({}, FIGURE_SENTENCE.replace("48,000", "47,000"))).toEqual([
      'story.json: figures[0].values[0].value: "48,000" not found in source aj-2025-02-28',
    ]);
  });

  it("does not take 48 from 48,000, nor 4 from 4.5 or 14", () => {
    expect(figureProblems({ value: 48 }, FIGURE_SENTENCE)[0]).toContain('"48" not found');
    const text = "Some 4.5 million people in 14 camps.";
    expect(figureProblems({ value: 4, qualifier: "exactly", attribution: "Al Jazeera" }, text)).toEqual([
      'story.json: figures[0].values[0].value: "4" not found in source aj-2025-02-28',
    ]);
  });

  it("finds 4 written as a word, at the start of a sentence too", () => {
    const value = { value: 4, qualifier: "exactly", attribution: "Al Jazeera" };
    expect(figureProblems(value, "Hamas handed over the remains of four captives.")).toEqual([]);
    expect(figureProblems(value, "Four captives were handed over.")).toEqual([]);
    expect(figureProblems(value, "Fourteen captives were handed over.")).toHaveLength(1);
  });

  it('reports "more than 600" when the text gives 600 without "more than"', () => {
    const value = { value: 600, attribution: "Al Jazeera" };
    expect(figureProblems(value, "In exchange for more than 600 Palestinian prisoners.")).toEqual([]);
    expect(figureProblems(value, "In exchange for 600 Palestinian prisoners.")).toEqual([
      'story.json: figures[0].values[0].qualifier: "more than 600" not found in source aj-2025-02-28',
    ]);
  });

  it('needs no words for "exactly"', () => {
    const value = { value: 46, qualifier: "exactly", attribution: "Al Jazeera" };
    expect(figureProblems(value, "Israel had postponed the release of 46 of these prisoners.")).toEqual([]);
  });

  it("reports an attribution that is not in the sentence stating the number", () => {
    const text = "The war has killed more than 48,000 Palestinians. So say Palestinian health officials.";
    expect(figureProblems({}, text)).toEqual([
      'story.json: figures[0].values[0].attribution: "Palestinian health officials" not found in the same sentence as "48,000" in source aj-2025-02-28',
    ]);
  });

  it("does not look for the publisher's name: it speaks in the whole text", () => {
    const value = { value: 90, attribution: "Al Jazeera" };
    expect(figureProblems(value, "Displacing more than 90 percent of the enclave's population.")).toEqual([]);
  });

  it("skips a derived value", () => {
    const value = { value: 42, qualifier: "exactly", derived: "Counted from the start and the end." };
    expect(figureProblems(value, "Nothing about it here.")).toEqual([]);
  });
});

describe("quotes", () => {
  const claim = (quote: string) => ({
    claims: [
      { id: "c", when: "2025-02-27", by: "Gideon Sa'ar", text: "A claim.", quote, sourceIds: [SOURCE_ID] },
    ],
  });
  const text =
    "Sa’ar said the team would have to “see whether we have common ground to negotiate”.\n\n" +
    "“We said we are ready to extend the framework [of phase one] in return for the release of more hostages,” Sa’ar said. “If it is possible, we’ll do that.”";

  it("finds a quote word for word, typographic quotes read as plain ones", () => {
    expect(problems(claim("see whether we have common ground to negotiate"), text)).toEqual([]);
  });

  it('finds a quote of two sentences split by "…, he said" in the text', () => {
    const quote =
      "We said we are ready to extend the framework [of phase one] in return for the release of more hostages. If it is possible, we'll do that.";
    expect(problems(claim(quote), text)).toEqual([]);
  });

  it("reports a quote that is not word for word in the text", () => {
    expect(problems(claim("see whether we have common ground to talk"), text)).toEqual([
      'story.json: claims[0].quote: "see whether we have common ground to talk" not found in source aj-2025-02-28',
    ]);
  });
});

describe("names", () => {
  const person = (name: string) => ({
    people: [{ id: "p", name, role: "Israel's foreign minister", sourceIds: [SOURCE_ID] }],
  });

  it("finds a person's name, typographic apostrophe and all", () => {
    expect(problems(person("Gideon Sa'ar"), "Foreign Minister Gideon Sa’ar said.")).toEqual([]);
  });

  it("reports a name the text does not give", () => {
    expect(problems(person("Gideon Saar"), "Foreign Minister Gideon Sa’ar said.")).toEqual([
      'story.json: people[0].name: "Gideon Saar" not found in source aj-2025-02-28',
    ]);
  });
});

describe("dates", () => {
  it.each([
    "began on 19 January.",
    "began on January 19.",
    "began on 19 January 2025.",
    "began on January 19, 2025.",
    "began on Jan. 19th.",
    "began on 2025-01-19.",
  ])("finds 2025-01-19 in %j", (text) => {
    expect(problems(event("2025-01-19"), text)).toEqual([]);
  });

  it("reports a date given with another year, or another day", () => {
    const expected = [
      'story.json: events[0].when: "2025-01-19" not found in source aj-2025-02-28 (as 19 January, January 19 or 2025-01-19)',
    ];
    expect(problems(event("2025-01-19"), "began on January 19, 2024.")).toEqual(expected);
    expect(problems(event("2025-01-19"), "began on January 9.")).toEqual(expected);
  });

  it("finds a date as a weekday within a week of the source's date (28 February 2025)", () => {
    expect(problems(event("2025-03-01"), "The first phase ends on Saturday.")).toEqual([]);
    expect(problems(event("2025-02-27"), "Talks started in Cairo on Thursday.")).toEqual([]);
  });

  it("reports a weekday that falls on the date more than a week from the source's date", () => {
    expect(problems(event("2025-03-08"), "It ends on Saturday.")).toEqual([
      'story.json: events[0].when: "2025-03-08" not found in source aj-2025-02-28 (as 8 March, March 8 or 2025-03-08)',
    ]);
    expect(problems(event("2025-03-02"), "It ends on Saturday.")).toEqual([
      'story.json: events[0].when: "2025-03-02" not found in source aj-2025-02-28 (as 2 March, March 2, 2025-03-02 or Sunday)',
    ]);
  });

  it("reads an instant on the story's calendar (Asia/Jerusalem)", () => {
    expect(problems(event("2025-02-28T23:30:00Z"), "It happens on 1 March.")).toEqual([]);
  });

  it("skips derived dates, and checks the phase's, the deadline's and the length's own", () => {
    const parts = {
      ...event("2025-03-09", { derived: "Eight days after Saturday 1 March 2025." }),
      phases: [
        {
          id: "phase-one",
          name: "Phase one",
          start: "2025-01-19",
          end: "2025-03-09",
          endDerived: "Eight days after the start.",
          lengthDays: 42,
          status: "active",
          sourceIds: [SOURCE_ID],
        },
      ],
      deadlines: [
        {
          id: "d",
          title: "Withdrawal",
          phrase: "The withdrawal is due",
          due: "2025-03-10",
          status: "scheduled",
          sourceIds: [SOURCE_ID],
        },
      ],
    };
    expect(problems(parts, "The ceasefire began on January 19.")).toEqual([
      'story.json: phases[0].lengthDays: "42" not found in source aj-2025-02-28',
      'story.json: deadlines[0].due: "2025-03-10" not found in source aj-2025-02-28 (as 10 March, March 10 or 2025-03-10)',
    ]);
  });
});

describe("which sources are checked", () => {
  const other = { id: "other-2025-03-01", title: "Another article", published: "2025-03-01" };

  it("does not check an item whose sources have no archived text", () => {
    const parts = { figures: [sourcedFigure({ sourceId: other.id })] };
    const s = story(parts);
    s.sources.push(other);
    expect(checkAgainstSources(s, "story.json", new Map([[SOURCE_ID, "Nothing."]]))).toEqual([]);
  });

  it("finds an item in any of the archived sources it cites, and names them all when it is in none", () => {
    const s = story(event("2025-01-19", { sourceIds: [SOURCE_ID, other.id] }));
    s.sources.push(other);
    const texts = (a: string, b: string) =>
      new Map([
        [SOURCE_ID, a],
        [other.id, b],
      ]);
    expect(checkAgainstSources(s, "f", texts("Nothing.", "It began on 19 January."))).toEqual([]);
    expect(checkAgainstSources(s, "f", texts("Nothing.", "Nothing either.")).map(formatDataError)).toEqual([
      'f: events[0].when: "2025-01-19" not found in sources aj-2025-02-28, other-2025-03-01 (as 19 January, January 19 or 2025-01-19)',
    ]);
  });
});

describe("which archived text belongs to which source", () => {
  const found = (s: StoryFile, files: Record<string, string>) => {
    const match = matchArchives(s, "story.json", new Map(Object.entries(files)));
    return {
      found: Object.fromEntries([...match.found].map(([id, { name }]) => [id, name])),
      missing: match.missing,
      errors: match.errors.map(formatDataError),
    };
  };
  const withArchive = (archive: string) => {
    const s = story({});
    s.sources[0] = { ...s.sources[0]!, archive };
    return s;
  };

  it("the file the source's archive names", () => {
    expect(
      found(withArchive("article.txt"), { "article.txt": "text", [`${SOURCE_ID}.txt`]: "text" }),
    ).toEqual({ found: { [SOURCE_ID]: "article.txt" }, missing: [], errors: [] });
  });

  it("reports an archive file that is not in the folder", () => {
    expect(found(withArchive("article.txt"), { [`${SOURCE_ID}.txt`]: "text" }).errors).toEqual([
      'story.json: sources[0].archive: no archived file "article.txt"',
    ]);
  });

  it("else the file named after the source id", () => {
    expect(found(story({}), { "a.txt": `${SOURCE_HEADER}\n`, [`${SOURCE_ID}.txt`]: "text" }).found).toEqual({
      [SOURCE_ID]: `${SOURCE_ID}.txt`,
    });
  });

  it("else the file whose first line gives the source's date and title (quotes typographic or plain)", () => {
    expect(
      found(story({}), { "a.txt": "date 2025-02-28 Another title\n", "b.txt": ` ${SOURCE_HEADER}\n\nText.` }),
    ).toEqual({ found: { [SOURCE_ID]: "b.txt" }, missing: [], errors: [] });
  });

  it("names the sources with no archived text", () => {
    const header = SOURCE_HEADER.replace("2025-02-28", "2025-02-27");
    expect(found(story({}), { "a.txt": header })).toEqual({ found: {}, missing: [SOURCE_ID], errors: [] });
  });
});

describe("evidence", () => {
  it("finds a statement's evidence, word for word, in its first source", () => {
    const text = "Officials met in Cairo on Thursday. Something happened there, the agency said.";
    expect(problems(event("2025-02-27", { evidence: "Something happened there" }), text)).toEqual([]);
  });

  it("reports evidence that its source does not say, at the statement's evidence", () => {
    const text = "Officials met in Cairo on Thursday.";
    expect(problems(event("2025-02-27", { evidence: "Nothing of the kind was said." }), text)).toEqual([
      'story.json: events[0].evidence: "Nothing of the kind was said" not found in source aj-2025-02-28',
    ]);
  });
});
