import { describe, expect, it } from "vitest";
import { plainText } from "../../src/reply/reply.js";
import {
  AFTER,
  ARTICLE_KNOWN,
  BEFORE,
  DURING,
  expectWrittenIn,
  NOTHING_KNOWN,
  run,
  runIn,
} from "../support/index.js";

describe("claims", () => {
  describe.each(Object.entries({ during: DURING, after: AFTER }))("%s phase one", (_label, at) => {
    const reply = run("claims", {}, at);
    const lines = (reply.lines ?? []).map((l) => plainText(l));

    it("lists every statement known then, oldest first", () => {
      const dates = lines.map((l) => /\((\d+ \w+ \d{4})\)/.exec(l)?.[1]);
      expect(dates.slice(0, 5)).toEqual([
        "15 Jan 2025",
        "15 Jan 2025",
        "10 Feb 2025",
        "10 Feb 2025",
        "11 Feb 2025",
      ]);
      const days = dates.map((d) => new Date(`${d} UTC`).getTime());
      expect(days).toEqual([...days].sort((a, b) => a - b));
    });

    it("names people with their role and quotes them", () => {
      expect(
        lines.find((l) => l.startsWith("Gideon Sa'ar, Israel's foreign minister (27 Feb 2025)")),
      ).toContain("“see whether we have common ground to negotiate”");
    });
  });

  it("says there are 59 captives, 24 believed alive, according to Israel, from the end of 28 February", () => {
    // The 28 February article gives no time: what it reports of its own day is known from that day's end.
    const lines = (at: string) => (run("claims", {}, at).lines ?? []).map((l) => plainText(l));
    const count =
      "Israel (28 Feb 2025): There are 59 captives remaining in Gaza, 24 of whom are still believed to be alive.";
    expect(lines(DURING)).not.toContain(count);
    expect(lines(ARTICLE_KNOWN)).toContain(count);
    expect(lines(AFTER)).toContain(count);
  });

  it("counts 9 statements on 28 February and 17 on 5 March, none dated later", () => {
    expect(plainText(run("claims", {}, DURING).summary ?? [])).toBe("9 statements, oldest first.");
    expect(plainText(run("claims", {}, AFTER).summary ?? [])).toBe("17 statements, oldest first.");
  });

  it("knows no statement before the agreement was announced, and two on 17 January", () => {
    expect(plainText(run("claims", {}, NOTHING_KNOWN).summary ?? [])).toBe("No statements in the data.");
    expect(plainText(run("claims", {}, BEFORE).summary ?? [])).toBe("2 statements, oldest first.");
  });

  it("names a speaker with their own party once, not as a joint statement", () => {
    const lines = (run("claims", {}, BEFORE).lines ?? []).map((l) => plainText(l));
    expect(lines[0]).toMatch(/^Joe Biden, US President \(15 Jan 2025\)/);
  });

  it("party keeps that party's statements", () => {
    const reply = run("claims", { party: "hamas" }, DURING);
    expect(plainText(reply.summary ?? [])).toBe("2 statements, oldest first.");
    expect(plainText(reply.lines?.[0] ?? [])).toMatch(
      /^Abu Obeida, Spokesman for Hamas's armed wing \(10 Feb 2025\)/,
    );
    expect(plainText(reply.lines?.[1] ?? [])).toMatch(
      /^Abdel-Latif Al-Qanoua, Hamas spokesperson \(13 Feb 2025\)/,
    );
  });

  it("names the parties for an unknown party", () => {
    const reply = run("claims", { party: "iran" }, DURING);
    expect(reply).toMatchObject({ kind: "error", ephemeral: true });
    expect(reply.summary).toEqual([
      "There is no party `iran`. Parties: `israel`, `hamas`, `qatar`, `united-states`, `egypt`, `palestinian-islamic-jihad`.",
    ]);
  });
});

describe("/claims in Arabic, Hebrew and French", () => {
  it.each([
    ["ar", ["التصريحات", "تصريحات، الأقدم أولًا."]],
    ["he", ["הצהרות", "מהישנה לחדשה"]],
    ["fr", ["Déclarations", "de la plus ancienne à la plus récente"]],
  ] as const)("lists the statements, oldest first, in %s", (language, expected) => {
    expectWrittenIn(runIn(language, "claims", {}, DURING), language, expected);
  });

  it("says in Arabic that a party is unknown, listing the known ones", () => {
    const reply = runIn("ar", "claims", { party: "atlantis" }, DURING);
    expect(reply.title).toBe("طرف غير معروف");
    expectWrittenIn(reply, "ar", ["لا يوجد طرف باسم", "الأطراف المتاحة"]);
  });
});
