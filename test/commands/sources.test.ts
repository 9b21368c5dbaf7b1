import { describe, expect, it } from "vitest";
import { CLOCKS, run, runText } from "../fixtures/story.js";

describe("sources", () => {
  describe.each(Object.entries(CLOCKS))("%s phase one", (_label, at) => {
    it("names the article, its publisher and its date", () => {
      expect(runText("sources", {}, at)).toContain(
        "• Israel says unclear if there is 'common ground to negotiate' — Al Jazeera, published 28 Feb 2025.",
      );
    });

    it("says how current the data is", () => {
      expect(runText("sources", {}, at)).toContain("Data as of 28 Feb 2025.");
    });
  });

  it("cites every source in its footer", () => {
    expect(run("sources").footer?.sources.map((s) => s.id)).toEqual(["aj-2025-02-28"]);
  });
});
