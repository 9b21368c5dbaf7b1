/**
 * The story a command answers about: the one its `story` option names, else the dataset's default,
 * as it stood at the command's instant; an unknown story is an error listing the stories there are.
 * And the `story` option's values: every story by id, named by its title.
 */
import { describe, expect, it } from "vitest";
import { pickStory, suggestStory } from "../../src/command-engine/story.js";
import { wordsFor } from "../../src/language/words.js";
import { contextAt, DURING, shippedStory, truceContext, truceDataset } from "../support/index.js";

const both = () => {
  const gaza = shippedStory();
  gaza.story.default = false;
  return truceDataset(gaza);
};

describe("the story a command answers about", () => {
  it("is the default story when none is named, as it stood at the command's instant", () => {
    const picked = pickStory(contextAt(DURING), undefined);
    if ("error" in picked) throw new Error("no default story");
    expect(picked.story.story.id).toBe("gaza-2025");
    expect(picked.asOf).toBe("2025-02-28");
  });

  it("is read in the reader's language: its texts translated, or in English and marked", () => {
    const picked = pickStory({ ...contextAt(DURING), words: wordsFor("he") }, undefined);
    if ("error" in picked) throw new Error("no default story");
    expect(picked.language).toBe("he");
    expect(picked.title).toBe("הפסקת האש בין ישראל לחמאס בעזה (2025)");
    expect(picked.phases()[0]?.phase.name).toBe("השלב הראשון");
  });

  it("is the story named", () => {
    const picked = pickStory(truceContext(DURING, both()), "gaza-2025");
    expect("error" in picked ? undefined : picked.story.story.id).toBe("gaza-2025");
  });

  it("is an error naming the stories there are when the one named is not in the data", () => {
    const picked = pickStory(truceContext(DURING, both()), "no-such-story");
    if (!("error" in picked)) throw new Error("picked a story that is not there");
    expect(picked.error).toMatchObject({ kind: "error", ephemeral: true });
    expect(JSON.stringify(picked.error)).toContain("no-such-story");
    expect(JSON.stringify(picked.error)).toContain("truce");
    expect(JSON.stringify(picked.error)).toContain("gaza-2025");
  });
});

describe("the story option's values", () => {
  it("are every story, by id, named by its title", () => {
    const context = { ...truceContext(DURING, both()), story: both().defaultStory, filled: {} };
    expect(suggestStory(context)).toEqual([
      { value: "truce", label: "The invented truce" },
      { value: "gaza-2025", label: expect.any(String) },
    ]);
  });

  it("are named in the reader's language, a title with no translation in English and marked", () => {
    const context = {
      ...truceContext(DURING, both()),
      words: wordsFor("ar"),
      story: both().defaultStory,
      filled: {},
    };
    expect(suggestStory(context)).toEqual([
      { value: "truce", label: "\u2068The invented truce\u2069 (بالإنجليزية)" },
      { value: "gaza-2025", label: "وقف إطلاق النار بين إسرائيل وحماس في غزة (2025)" },
    ]);
  });
});
