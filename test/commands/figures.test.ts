import { describe, expect, it } from "vitest";
import { AFTER, DURING, NOTHING_KNOWN, run, runText } from "../support/index.js";

describe("figures", () => {
  describe.each(Object.entries({ during: DURING, after: AFTER }))("%s phase one", (_label, at) => {
    const text = runText("figures", {}, at);

    it("says more than 48,000 Palestinians killed, according to Palestinian health officials", () => {
      expect(text).toContain(
        "Palestinians killed in Israel's war in Gaza:\n  more than 48,000 people, according to Palestinian health officials, as of 28 Feb 2025",
      );
    });

    it("says 59 captives remain, according to Israel", () => {
      expect(text).toContain("59 captives, according to Israel, as of 28 Feb 2025");
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

  it("says 24 believed alive, according to Israel on 28 February and CNN from 1 March", () => {
    expect(runText("figures", {}, DURING)).toContain("24 captives, according to Israel, as of 28 Feb 2025");
    expect(runText("figures", {}, AFTER)).toContain("24 captives, according to CNN, as of 1 Mar 2025");
  });

  it("knows no figure before any source", () => {
    expect(run("figures", {}, NOTHING_KNOWN)).toMatchObject({ kind: "error", title: "No figures" });
  });

  it("shows a figure's history only as far as it was known", () => {
    const lines = (at: string) => (run("figures", { figure: "captives-remaining" }, at).lines ?? []).length;
    expect(lines(DURING)).toBe(1);
    expect(lines("2025-05-13T10:00:00Z")).toBe(4);
    expect(runText("figures", { figure: "captives-remaining" }, "2026-02-01T10:00:00Z")).toContain(
      "• 0 captives, according to Israel (the military; Prime Minister Benjamin Netanyahu), as of 26 Jan 2026",
    );
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
