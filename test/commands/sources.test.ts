import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/command-engine/run.js";
import { renderText } from "../../src/platforms/console/text.js";
import {
  AFTER,
  BEFORE,
  DURING,
  datasetOf,
  expectWrittenIn,
  registry,
  run,
  runIn,
  runText,
  truceContext,
  truceStory,
} from "../support/index.js";

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

/** The truce with a quote on each statement that names it, so an answer's quotes can be told apart. */
function quotedTruce() {
  return datasetOf(
    truceStory((s) => {
      s.events[0].evidence = "The two sides agreed a truce on Friday, the wire said.";
      s.events[1].evidence = "Shots were fired at dawn on Saturday.";
      s.phases[0].evidence = "A truce of thirty days begins at 04:00 on Saturday.";
    }),
  );
}

const ask = (at: string, name: string, options: Record<string, unknown> = {}) =>
  runCommand(registry, name, options, truceContext(at, quotedTruce()));

describe("Why? — the quotes behind an answer", () => {
  it("offers a Why? button on an answer that states something sourced, asking /sources of: the same question", () => {
    const reply = ask("2025-01-26T12:00:00Z", "timeline", { from: "2025-01-10" });
    expect(reply.buttons).toContainEqual({
      label: "Why?",
      command: "sources",
      options: { of: "timeline", with: "from=2025-01-10" },
    });
  });

  it("answers /sources of:timeline privately with each event's quote, its source and date", () => {
    const reply = ask("2025-01-26T12:00:00Z", "sources", { of: "timeline", with: "from=2025-01-10" });
    expect(reply.ephemeral).toBe(true);
    const text = renderText(reply);
    expect(text).toContain(
      "Truce agreed: “The two sides agreed a truce on Friday, the wire said.” — Report of 2025-01-10 <https://example.org/s-0110> (Wire, 10 Jan 2025)",
    );
    expect(text).toContain("Shots fired at dawn: “Shots were fired at dawn on Saturday.”");
  });

  it("never quotes what was not known at that instant", () => {
    const text = renderText(ask("2025-01-20T12:00:00Z", "sources", { of: "timeline" }));
    expect(text).toContain("The two sides agreed a truce");
    expect(text).not.toContain("Shots were fired at dawn");
  });

  it("quotes the phase behind /phase", () => {
    expect(renderText(ask("2025-01-20T12:00:00Z", "sources", { of: "phase" }))).toContain(
      "The truce: “A truce of thirty days begins at 04:00 on Saturday.”",
    );
  });

  it("explains, privately, a question it cannot quote", () => {
    const reply = ask("2025-01-20T12:00:00Z", "sources", { of: "subscribe" });
    expect(reply.kind).toBe("error");
    expect(reply.ephemeral).toBe(true);
    expect(renderText(reply)).toContain("Option `of` must be a question");
  });

  it("has no Why? button on /sources itself", () => {
    expect(ask("2025-01-20T12:00:00Z", "sources").buttons ?? []).toEqual([]);
  });
});

describe("/sources in Arabic, Hebrew and French", () => {
  it.each([
    ["ar", ["المصادر", "البيانات حتى", "نُشر في"]],
    ["he", ["מקורות", "הנתונים נכונים ל־", "פורסם ב־"]],
    ["fr", ["Sources", "Données au", "publié le"]],
  ] as const)("lists the sources in %s", (language, expected) => {
    expectWrittenIn(runIn(language, "sources", {}, DURING), language, expected);
  });

  it.each([
    ["ar", ["لماذا؟", "كلمات المصادر التي تستند إليها إجابة"]],
    ["he", ["למה?", "דברי המקורות שמאחורי"]],
    ["fr", ["Pourquoi ?", "Les mots des sources derrière"]],
  ] as const)("gives the quotes behind /captives (Why?) in %s", (language, expected) => {
    expectWrittenIn(runIn(language, "sources", { of: "captives" }, DURING), language, expected);
  });
});
