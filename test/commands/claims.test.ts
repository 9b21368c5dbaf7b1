import { describe, expect, it } from "vitest";
import { plainText } from "../../src/reply/reply.js";
import { CLOCKS, DURING, run } from "../fixtures/story.js";

describe("claims", () => {
  describe.each(Object.entries(CLOCKS))("%s phase one", (_label, at) => {
    const reply = run("claims", {}, at);
    const lines = (reply.lines ?? []).map((l) => plainText(l));

    it("lists every statement, oldest first", () => {
      expect(plainText(reply.summary ?? [])).toBe("8 statements, oldest first.");
      const dates = lines.map((l) => /\((\d+ \w+ \d{4})\)/.exec(l)?.[1]);
      expect(dates.slice(0, 3)).toEqual(["27 Feb 2025", "27 Feb 2025", "27 Feb 2025"]);
      expect(dates.slice(3).every((d) => d === "28 Feb 2025")).toBe(true);
    });

    it("says there are 59 captives, 24 believed alive, according to Israel", () => {
      expect(lines).toContain(
        "Israel (28 Feb 2025): There are 59 captives remaining in Gaza, 24 of whom are still believed to be alive.",
      );
    });

    it("names people with their role and quotes them", () => {
      expect(
        lines.find((l) => l.startsWith("Gideon Sa'ar, Israel's foreign minister (27 Feb 2025)")),
      ).toContain("“see whether we have common ground to negotiate”");
    });
  });

  it("party keeps that party's statements", () => {
    const reply = run("claims", { party: "hamas" }, DURING);
    expect(plainText(reply.summary ?? [])).toBe("1 statement, oldest first.");
    expect(plainText(reply.lines?.[0] ?? [])).toMatch(/^Basem Naim, Hamas official \(28 Feb 2025\)/);
  });

  it("names the parties for an unknown party", () => {
    const reply = run("claims", { party: "iran" }, DURING);
    expect(reply).toMatchObject({ kind: "error", ephemeral: true });
    expect(reply.summary).toEqual([
      "There is no party `iran`. Parties: `israel`, `hamas`, `qatar`, `united-states`, `egypt`.",
    ]);
  });
});
