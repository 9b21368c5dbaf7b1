import { describe, expect, it } from "vitest";
import { CLOCKS, run, runText } from "../fixtures/story.js";

describe("captives", () => {
  describe.each(Object.entries(CLOCKS))("%s phase one", (_label, at) => {
    const text = runText("captives", {}, at);

    it("says 59 captives remain, according to Israel", () => {
      expect(text).toContain(
        "Captives remaining in Gaza:\n  59 captives, according to Israel, as of 28 Feb 2025",
      );
    });

    it("says 24 believed alive, according to Israel", () => {
      expect(text).toContain(
        "Captives believed to be alive:\n  24 captives, according to Israel, as of 28 Feb 2025",
      );
    });

    it("says the remains of 4 captives were handed over in the last swap", () => {
      expect(text).toContain("4 captives' remains, according to Al Jazeera, as of 27 Feb 2025");
    });

    it("says more than 600 prisoners were released, 46 of them postponed", () => {
      expect(text).toContain("more than 600 prisoners, according to Al Jazeera, as of 27 Feb 2025");
      expect(text).toContain("46 prisoners, according to Al Jazeera, as of 28 Feb 2025");
    });

    it("leaves out casualty and other figures", () => {
      expect(text).not.toContain("48,000");
      expect(text).not.toContain("Length of phase one");
    });
  });

  it("is a public answer, private on request", () => {
    expect(run("captives").ephemeral).toBe(false);
    expect(run("captives", { private: "true" }).ephemeral).toBe(true);
    expect(runText("captives", { private: "true" })).toContain("(only you can see this)");
  });
});
