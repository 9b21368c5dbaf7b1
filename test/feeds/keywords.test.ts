/** A feed's keywords: whole words or phrases, case and accents ignored. */
import { describe, expect, it } from "vitest";
import { matchKeywords } from "../../src/feeds/keywords.js";

describe("keywords", () => {
  it("keep every item when there are none", () => {
    expect(matchKeywords({}, "Anything")).toEqual({ keep: true, matched: [] });
  });

  it("match whole words and phrases, ignoring case and accents, and name those matched", () => {
    const rules = { include: ["negociation", "Kerem Shalom", "talks"] };
    expect(matchKeywords(rules, "La Négociation reprend", "trucks at kerem-shalom")).toEqual({
      keep: true,
      matched: ["negociation", "Kerem Shalom"],
    });
    expect(matchKeywords(rules, "Stalks of wheat")).toEqual({ keep: false });
  });

  it("leave out an item with an exclude word, even when it matches an include word", () => {
    expect(matchKeywords({ include: ["truce"], exclude: ["opinion"] }, "Opinion: the truce")).toEqual({
      keep: false,
    });
  });
});
