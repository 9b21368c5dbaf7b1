/** The console's plain text (the console bot and `ask --render text`): a Reply as a person reads it in a terminal. */
import { describe, expect, it } from "vitest";
import { footerText, renderText } from "../../../src/platforms/console/text.js";
import type { Reply } from "../../../src/reply/reply.js";
import { englishLeaks, RENDER_SOURCES, rendererEnglish, replyToRender } from "../../support/index.js";

const answer = (extra: Partial<Reply> = {}): Reply => ({
  kind: "answer",
  title: "Captives",
  ephemeral: false,
  ...extra,
});

describe("the console's text", () => {
  it("underlines the title, and marks an error's title with ✖", () => {
    expect(renderText(answer()).split("\n")).toEqual(["Captives", "========"]);
    expect(renderText({ ...answer(), kind: "error", title: "Oops" }).split("\n")).toEqual([
      "✖ Oops",
      "======",
    ]);
  });

  it("writes strong text plainly, links with their URL and instants as their fallback", () => {
    const out = renderText(
      answer({
        summary: [
          { strong: "59" },
          " captives, ",
          { link: "report", url: "https://example.org/r" },
          " ",
          { instant: new Date("2025-03-01T08:30:00Z"), style: "datetime", fallback: "1 Mar 2025, 10:30" },
        ],
      }),
    );
    expect(out).toContain("59 captives, report <https://example.org/r> 1 Mar 2025, 10:30");
  });

  it("indents each field's lines under its name, and bullets the lines", () => {
    const out = renderText(
      answer({ fields: [{ name: "Phase one", value: ["a\nb"] }], lines: [["first"], ["second"]] }),
    );
    expect(out).toContain("Phase one:\n  a\n  b");
    expect(out).toContain("• first\n• second");
  });

  it("shows each enabled button as the command line it runs, quoting values with spaces", () => {
    const out = renderText(
      answer({
        buttons: [
          { label: "◀ Previous", command: "timeline", options: { page: "1", tag: "two words" } },
          { label: "Next ▶", command: "timeline", options: { page: "3" }, disabled: true },
          { label: "Why?", command: "why", options: {} },
        ],
      }),
    );
    expect(out).toContain('Previous: /timeline page:1 tag:"two words"');
    expect(out).not.toContain("page:3");
    expect(out).toContain("Why?: /why");
  });

  it("says a private answer is seen by the asker alone, but not of an error", () => {
    expect(renderText(answer({ ephemeral: true }))).toContain("(only you can see this)");
    expect(renderText({ ...answer({ ephemeral: true }), kind: "error" })).not.toContain("only you");
  });
});

describe("the console's footer", () => {
  it("names the sources with their publisher and date, the data's date and the stale warning", () => {
    const text = footerText({
      sources: [
        { id: "a", title: "Article", publisher: "Al Jazeera", published: "2025-02-28" },
        { id: "b", title: "Statement", published: "2025-02-27" },
      ],
      asOf: "2025-02-28",
      staleWarning: "The data may be out of date.",
    });
    expect(text.split("\n")).toEqual([
      "Sources: Article (Al Jazeera, 28 Feb 2025); Statement (27 Feb 2025)",
      "Data as of 28 Feb 2025.",
      "⚠ The data may be out of date.",
    ]);
  });

  it("leaves out the sources line when there are none", () => {
    expect(footerText({ sources: [], asOf: "2025-02-28" })).toBe("Data as of 28 Feb 2025.");
  });
});

describe("a link button on the console", () => {
  it("prints its label and its address", () => {
    const text = renderText(
      answer({
        buttons: [{ label: "Open in desk", url: "https://desk.example.org/desk/stories/gaza-2025/leads" }],
      }),
    );
    expect(text).toContain("Open in desk: https://desk.example.org/desk/stories/gaza-2025/leads");
  });
});

describe("the console's words in the reply's language", () => {
  const data = RENDER_SOURCES.flatMap((s) => [s.title, "publisher" in s ? s.publisher : ""]);

  it.each([
    [
      "ar",
      "المصادر: Agreement text (\u2068Reuters\u2069، \u206815 يناير 2025\u2069)؛ Statement",
      "(هذا الرد مرئي لك وحدك)",
    ],
    [
      "he",
      "מקורות: Agreement text (\u2068Reuters\u2069, \u206815 בינו׳ 2025\u2069); Statement",
      "(גלוי רק לך)",
    ],
    [
      "fr",
      "Sources : Agreement text (Reuters, 15 janv. 2025) ; Statement (1 févr. 2025)\nDonnées au 28 févr. 2025.",
      "(visible par vous seul)",
    ],
  ] as const)("writes its footer and its private mark in %s", (language, footer, privately) => {
    const text = renderText(replyToRender(language, "lines"));
    expect(text).toContain(footer);
    expect(text.endsWith(privately)).toBe(true);
    expect(englishLeaks(text, language, { except: data })).toEqual([]);
    expect(rendererEnglish(text)).toEqual([]);
  });
});
