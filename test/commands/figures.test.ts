import { describe, expect, it } from "vitest";
import { CLOCKS, DURING, run, runText } from "../fixtures/story.js";

describe("figures", () => {
  describe.each(Object.entries(CLOCKS))("%s phase one", (_label, at) => {
    const text = runText("figures", {}, at);

    it("says more than 48,000 Palestinians killed, according to Palestinian health officials", () => {
      expect(text).toContain(
        "Palestinians killed in Israel's war in Gaza:\n  more than 48,000 people, according to Palestinian health officials, as of 28 Feb 2025",
      );
    });

    it("says 59 captives remain and 24 are believed alive, according to Israel", () => {
      expect(text).toContain("59 captives, according to Israel, as of 28 Feb 2025");
      expect(text).toContain("24 captives, according to Israel, as of 28 Feb 2025");
    });

    it("says more than 90% of Gaza's population is displaced", () => {
      expect(text).toContain("more than 90%, according to Al Jazeera");
    });

    it("says the length of phase one is derived, and how", () => {
      expect(text).toContain(
        "42 days, according to Al Jazeera, as of 28 Feb 2025 (derived: Counted from the start",
      );
    });
  });

  it("category keeps only that category", () => {
    const reply = run("figures", { category: "casualties" }, DURING);
    expect(reply.title).toBe("Figures (casualties): Israel-Hamas ceasefire in Gaza (2025)");
    expect(reply.fields?.map((f) => f.name)).toEqual([
      "Palestinians killed in Israel's war in Gaza",
      "People killed in Hamas's 7 October 2023 attack on southern Israel",
    ]);
  });

  it("figure shows one figure's history with its description", () => {
    const text = runText("figures", { figure: "palestinians-killed" }, DURING);
    expect(text).toContain("Palestinians killed in Israel's war in Gaza\n");
    expect(text).toContain("The majority of them women and children.");
    expect(text).toContain(
      "• more than 48,000 people, according to Palestinian health officials, as of 28 Feb 2025",
    );
  });

  it("names the figures for an unknown figure", () => {
    const reply = run("figures", { figure: "hostages" }, DURING);
    expect(reply).toMatchObject({ kind: "error", ephemeral: true, title: "Unknown figure" });
    expect(reply.summary?.[0]).toMatch(/^There is no figure `hostages`\. Figures: `captives-remaining`, /);
  });

  it("rejects an unknown category, naming the choices", () => {
    expect(run("figures", { category: "deaths" }).summary).toEqual([
      'Option `category` must be one of captives, prisoners, casualties, displacement, other (got "deaths").',
    ]);
  });
});
