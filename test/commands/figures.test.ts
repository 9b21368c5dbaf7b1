import { describe, expect, it } from "vitest";
import {
  AFTER,
  ARTICLE_KNOWN,
  DURING,
  expectWrittenIn,
  NOTHING_KNOWN,
  pngSize,
  run,
  runIn,
  runText,
} from "../support/index.js";

describe("figures", () => {
  // The 28 February article's figures are of its own day: known from the end of that day, phase one's last.
  describe.each(Object.entries({ "on the last day of": ARTICLE_KNOWN, after: AFTER }))(
    "%s phase one",
    (_label, at) => {
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
          "42 days, according to DW, as of 18 Jan 2025 (derived: Six weeks (DW, 18 January 2025) from the start on 19 January 2025",
        );
      });
    },
  );

  it("says 24 believed alive, according to Israel once the 28 February article is known and CNN from 1 March", () => {
    expect(runText("figures", {}, DURING)).not.toContain("Captives believed to be alive");
    expect(runText("figures", {}, ARTICLE_KNOWN)).toContain(
      "24 captives, according to Israel, as of 28 Feb 2025",
    );
    expect(runText("figures", {}, AFTER)).toContain("24 captives, according to CNN, as of 1 Mar 2025");
  });

  it("shows on 28 February the figures reported before it, not the article's own-day ones", () => {
    const text = runText("figures", {}, DURING);
    expect(text).toContain(
      "Captives remaining in Gaza:\n  63 captives, according to The Media Line, as of 22 Feb 2025",
    );
    expect(text).not.toContain("59 captives");
    expect(text).not.toContain("Palestinians killed");
  });

  it("knows no figure before any source", () => {
    expect(run("figures", {}, NOTHING_KNOWN)).toMatchObject({ kind: "error", title: "No figures" });
  });

  it("shows a figure's history only as far as it was known", () => {
    const lines = (at: string) => (run("figures", { figure: "captives-remaining" }, at).lines ?? []).length;
    expect(lines(DURING)).toBe(5);
    expect(lines(ARTICLE_KNOWN)).toBe(6);
    expect(lines("2025-05-13T10:00:00Z")).toBe(9);
    const later = runText("figures", { figure: "captives-remaining" }, "2026-02-01T10:00:00Z");
    expect(later).toContain(
      "• 0 captives, according to Israel (the military; Prime Minister Benjamin Netanyahu), as of 26 Jan 2026",
    );
    expect(later).toContain("• 1 captive, according to Israel (The Irish Times), as of 4 Dec 2025");
  });

  it("category keeps only that category", () => {
    const reply = run("figures", { category: "casualties" }, ARTICLE_KNOWN);
    expect(reply.title).toBe("Figures (casualties): Israel-Hamas ceasefire in Gaza (2025)");
    expect(reply.fields?.map((f) => f.name)).toEqual([
      "Palestinians killed in Israel's war in Gaza",
      "People killed in Hamas's 7 October 2023 attack on southern Israel",
    ]);
  });

  it("figure shows one figure's history with its description", () => {
    const text = runText("figures", { figure: "palestinians-killed" }, ARTICLE_KNOWN);
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

  describe("a figure's picture", () => {
    it("draws the figure's history known at the instant as a step chart, with who says each value", () => {
      const picture = run("figures", { figure: "captives-remaining" }, DURING).picture;
      expect(picture?.name).toBe("figure-gaza-2025-captives-remaining-2025-02-28.png");
      expect(picture?.svg).toContain("according to The Media Line");
      expect(picture?.svg).not.toContain('data-day="2025-02-28"');
      expect(picture?.alt).toContain("22 Feb 2025: 63 captives, according to The Media Line");
      expect(run("figures", { figure: "captives-remaining" }, ARTICLE_KNOWN).picture?.svg).toContain(
        'data-day="2025-02-28"',
      );
      expect(pngSize(picture?.png() ?? new Uint8Array())).toEqual({ width: 1200, height: 480 });
    });

    it("draws none for the list of figures", () => {
      expect(run("figures", {}, DURING).picture).toBeUndefined();
    });
  });
});

describe("/figures in Arabic, Hebrew and French", () => {
  it.each([
    ["ar", ["الأرقام", "بحسب", "محسوب"]],
    ["he", ["נתונים", "לפי", "מחושב"]],
    ["fr", ["Chiffres", "selon", "calculé"]],
  ] as const)("gives each figure with who states it, in %s", (language, expected) => {
    expectWrittenIn(runIn(language, "figures", {}, DURING), language, expected);
  });

  it("says in French that a category has no figures", () => {
    const reply = runIn("fr", "figures", { category: "displacement" }, NOTHING_KNOWN);
    expect(reply.title).toBe("Aucun chiffre dans la catégorie displacement");
    expectWrittenIn(reply, "fr", ["ne comporte aucun chiffre"]);
  });
});
