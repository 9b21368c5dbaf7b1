/**
 * Rich text as Discord markdown: plain text escaped so data cannot format itself, ping or fake a link;
 * timestamps as `<t:…>` tokens; and text cut to a limit never ends inside an escape, a token, a link
 * or an open bold run.
 */
import { describe, expect, it } from "vitest";
import {
  breakMentions,
  ELLIPSIS,
  escapeMarkdown,
  fitPieces,
  fitPlain,
  fitRich,
  richPieces,
  timestampToken,
} from "../../../src/platforms/discord/markdown.js";
import { bidiTextViolations } from "../../support/index.js";

const instant = new Date("2025-03-01T08:30:00Z");
const unix = instant.getTime() / 1000;

describe("Discord markdown", () => {
  it("escapes markdown characters, and list and quote markers only at the start of a line", () => {
    expect(escapeMarkdown("a *b* _c_ ~d~ |e| [f](g) <h> \\")).toBe(
      "a \\*b\\* \\_c\\_ \\~d\\~ \\|e\\| \\[f\\](g) \\<h> \\\\",
    );
    expect(escapeMarkdown("# Head\n> quote\n- item\n3 - 2 > 1")).toBe(
      "\\# Head\n\\> quote\n\\- item\n3 - 2 > 1",
    );
  });

  it("keeps the `code` spans commands write, escaping what is around them", () => {
    expect(escapeMarkdown("Option `page` must be *a number*")).toBe("Option `page` must be \\*a number\\*");
  });

  it("breaks @everyone and @here, even inside code", () => {
    expect(breakMentions("@everyone @here @someone")).not.toContain("@everyone");
    expect(escapeMarkdown("ping `@here`")).not.toContain("@here");
    expect(escapeMarkdown("@someone")).toBe("@someone");
  });

  it("writes strong text in bold, links as masked links and instants as timestamps", () => {
    const pieces = richPieces([
      { strong: "59 *captives*" },
      " ",
      { link: "the [report]", url: "https://example.org/a (b)" },
      " ",
      { instant, style: "relative", fallback: "soon" },
    ]);
    expect(pieces.join("")).toBe(
      `**59 \\*captives\\***` +
        " " +
        "[the \\[report\\]](https://example.org/a%20%28b%29)" +
        ` <t:${unix}:R>`,
    );
  });

  it("shows a link that is not http(s) as its label alone", () => {
    expect(richPieces([{ link: "click", url: "javascript:alert(1)" }]).join("")).toBe("click");
  });

  it("writes each timestamp style as Discord's letter", () => {
    expect(timestampToken(instant, "datetime")).toBe(`<t:${unix}:F>`);
    expect(timestampToken(instant, "relative")).toBe(`<t:${unix}:R>`);
    expect(timestampToken(instant, "date")).toBe(`<t:${unix}:D>`);
  });
});

describe("cutting Discord markdown to a limit", () => {
  it("leaves text that fits as it is", () => {
    expect(fitPieces(["ab", "cd"], 4)).toBe("abcd");
  });

  it("ends cut text with …, within the limit, never inside an escape or a timestamp", () => {
    const pieces = richPieces(["a*b ", { instant, style: "date", fallback: "then" }, " tail"]);
    const whole = pieces.join("");
    for (let limit = 1; limit < whole.length; limit += 1) {
      const cut = fitPieces(pieces, limit);
      expect(cut.length).toBeLessThanOrEqual(limit);
      expect(cut.endsWith(ELLIPSIS)).toBe(true);
      expect(cut).not.toMatch(/(^|[^\\])\\…$/);
      expect(cut).not.toMatch(/<t:[^>]*…$/);
    }
  });

  it("cuts a bold run inside its markers", () => {
    expect(fitRich([{ strong: "a long bold run" }], 12)).toBe("**a long**…");
  });

  it("cuts plain text (footers, labels) between characters, never inside a surrogate pair", () => {
    expect(fitPlain("short", 10)).toBe("short");
    expect(fitPlain("a sentence too long", 10)).toBe("a sentenc…");
    expect(fitPlain("😀😀😀", 4)).toBe("😀…");
  });

  it("closes a bidirectional isolate the cut keeps open, inside a bold run too, within the limit", () => {
    const evil = "\u2068\u202eevil words from the data\u202c\u2069";
    const pieces = richPieces(["The bot's words ", evil, " ", { strong: evil }, " and more"]);
    const whole = pieces.join("");
    for (let limit = 1; limit < whole.length; limit += 1) {
      const cut = fitPieces(pieces, limit);
      expect(cut.length).toBeLessThanOrEqual(limit);
      expect(bidiTextViolations(cut)).toEqual([]);
    }
    // The space before the cut goes, and so the closers fit after "evil".
    expect(fitPlain(evil, 10)).toBe("\u2068\u202eevil\u202c\u2069…");
  });
});
