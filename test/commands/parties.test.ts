import { describe, expect, it } from "vitest";
import { plainText } from "../../src/reply/reply.js";
import { AFTER, ARTICLE_KNOWN, BEFORE, DURING, expectWrittenIn, run, runIn } from "../support/index.js";

const fieldOf = (at: string, name: string) => {
  const f = run("parties", {}, at).fields?.find((x) => x.name === name);
  return f ? plainText(f.value).split("\n") : [];
};

describe("parties", () => {
  // Steve Witkoff's role is a fact of the 28 February article's own day: known from the end of that day.
  describe.each(Object.entries({ "on the last day of": ARTICLE_KNOWN, after: AFTER }))(
    "%s phase one",
    (_label, at) => {
      const field = (name: string) => fieldOf(at, name);

      it("names Israel, Hamas and Palestinian Islamic Jihad as the parties to the conflict", () => {
        expect(field("Parties to the conflict")).toEqual([
          "Israel",
          "Hamas",
          "Palestinian Islamic Jihad: Armed group in Gaza allied with Hamas that held some of the hostages.",
        ]);
      });

      it("names Qatar, the United States and Egypt as mediators", () => {
        expect(field("Mediators").map((l) => l.split(":")[0])).toEqual(["Qatar", "United States", "Egypt"]);
      });

      it("names Egypt as host of the talks", () => {
        expect(field("Hosts of talks").map((l) => l.split(":")[0])).toEqual(["Egypt"]);
      });

      it("names the people as the source describes them", () => {
        expect(field("People")).toContain("Gideon Sa'ar, Israel's foreign minister");
        expect(field("People")).toContain("Steve Witkoff, US President Donald Trump's Middle East envoy");
      });
    },
  );

  it("names on 28 February the people the article reports from the day before, not from its own day", () => {
    expect(fieldOf(DURING, "People")).toContain("Gideon Sa'ar, Israel's foreign minister");
    expect(fieldOf(DURING, "People").join("\n")).not.toContain("Steve Witkoff");
  });

  it("names on 17 January only what the first reports of the deal named", () => {
    const reply = run("parties", {}, BEFORE);
    expect(reply.fields?.map((f) => f.name)).toEqual(["Parties to the conflict", "Mediators", "People"]);
    expect(fieldOf(BEFORE, "Parties to the conflict")).toEqual(["Israel", "Hamas"]);
    expect(fieldOf(BEFORE, "People")).toEqual([
      "Benjamin Netanyahu, Israel's prime minister",
      "Donald Trump, US President-elect",
      "Joe Biden, US President",
      "Sheikh Mohammed bin Abdulrahman bin Jassim Al-Thani, Qatar's Prime Minister",
    ]);
  });

  it("makes Trump US President and Biden former US President at noon in Washington on 20 January 2025", () => {
    const people = (at: string) => fieldOf(at, "People");
    expect(people("2025-01-20T16:59:00Z")).toContain("Donald Trump, US President-elect");
    expect(people("2025-01-20T16:59:00Z")).toContain("Joe Biden, US President");
    expect(people("2025-01-20T17:00:00Z")).toContain("Donald Trump, US President");
    expect(people("2025-01-20T17:00:00Z")).toContain("Joe Biden, former US President");
  });

  it("adds Turkey as a mediator once the October 2025 deal was reported", () => {
    const mediators = (at: string) =>
      plainText(run("parties", {}, at).fields?.find((f) => f.name === "Mediators")?.value ?? []);
    expect(mediators(AFTER)).not.toContain("Turkey");
    expect(mediators("2025-10-20T10:00:00Z")).toContain("Turkey");
  });
});

describe("/parties in Arabic, Hebrew and French", () => {
  it.each([
    ["ar", ["الأطراف المعنية", "الوسطاء", "الشخصيات"]],
    ["he", ["מי מעורב", "המתווכים", "אנשים"]],
    ["fr", ["Les acteurs", "Médiateurs", "Personnalités"]],
  ] as const)("names who is involved by role, in %s", (language, expected) => {
    expectWrittenIn(runIn(language, "parties", {}, DURING), language, expected);
  });
});
