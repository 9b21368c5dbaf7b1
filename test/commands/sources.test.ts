import { describe, expect, it } from "vitest";
import { AFTER, BEFORE, DURING, run, runText } from "../support/index.js";

describe("sources", () => {
  describe.each(Object.entries({ during: DURING, after: AFTER }))("%s phase one", (_label, at) => {
    it("names the article, its publisher and its date", () => {
      expect(runText("sources", {}, at)).toContain(
        "• Israel says unclear if there is 'common ground to negotiate' — Al Jazeera, published 28 Feb 2025.",
      );
    });
  });

  it("says how current the data is: the newest source published by then", () => {
    expect(runText("sources", {}, DURING)).toContain("Data as of 28 Feb 2025.");
    expect(runText("sources", {}, AFTER)).toContain("Data as of 2 Mar 2025.");
  });

  it("lists only the sources published by then", () => {
    const ids = (at: string) => run("sources", {}, at).footer?.sources.map((s) => s.id) ?? [];
    expect(ids(BEFORE)).toEqual([
      "nbcnewyork-2025-01-15",
      "wtmj-2025-01-15",
      "hindustantimes-2025-01-16",
      "khaleejtimes-2025-01-16",
      "politico-2025-01-16",
      "thesouthasiantimes-2025-01-17",
    ]);
    expect(ids(BEFORE)).not.toContain("dw-2025-01-18");
    expect(ids(DURING)).toContain("aj-2025-02-28");
    expect(ids(DURING)).not.toContain("cnn-2025-03-01");
    expect(ids(AFTER)).toContain("cnn-2025-03-01");
  });
});
