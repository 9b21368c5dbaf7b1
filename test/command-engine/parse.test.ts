/** The typed command line `/timeline from:2025-01-01 tag:"phase-one"` (console, `ask`, Slack text). */
import { describe, expect, it } from "vitest";
import { parseCommandLine, parseOptionText, tokenize } from "../../src/command-engine/parse.js";
import { wordsFor } from "../../src/language/words.js";

describe("tokenize", () => {
  it("splits on any whitespace", () => {
    expect(tokenize("  a   b\tc\nd ")).toEqual(["a", "b", "c", "d"]);
    expect(tokenize("")).toEqual([]);
  });

  it("keeps double-, single- and curly-quoted text together", () => {
    expect(tokenize('tag:"two words" x')).toEqual(["tag:two words", "x"]);
    expect(tokenize("tag:'two words'")).toEqual(["tag:two words"]);
    expect(tokenize("tag:“two words”")).toEqual(["tag:two words"]);
  });

  it("keeps an empty quoted value as a token", () => {
    expect(tokenize('tag:""')).toEqual(["tag:"]);
    expect(tokenize('""')).toEqual([""]);
  });

  it("lets one kind of quote hold the other", () => {
    expect(tokenize(`q:"Sa'ar said"`)).toEqual(["q:Sa'ar said"]);
  });

  it("returns undefined for an unclosed quote", () => {
    expect(tokenize('tag:"phase-one')).toBeUndefined();
    expect(tokenize("tag:“phase-one")).toBeUndefined();
  });
});

describe("parseOptionText", () => {
  it("reads name:value pairs", () => {
    expect(parseOptionText("from:2025-01-01 to:2025-03-01 page:2")).toEqual({
      ok: true,
      options: { from: "2025-01-01", to: "2025-03-01", page: "2" },
    });
  });

  it("splits at the first colon only", () => {
    expect(parseOptionText("at:2025-03-01T10:00:00+02:00")).toEqual({
      ok: true,
      options: { at: "2025-03-01T10:00:00+02:00" },
    });
  });

  it("lower-cases option names but not values", () => {
    expect(parseOptionText("TAG:Phase-One")).toEqual({ ok: true, options: { tag: "Phase-One" } });
  });

  it("accepts an empty value", () => {
    expect(parseOptionText("tag:")).toEqual({ ok: true, options: { tag: "" } });
  });

  it("rejects a word without a name", () => {
    expect(parseOptionText("phase-one")).toEqual({
      ok: false,
      message: 'Options are written name:value, like from:2025-01-01 (got "phase-one").',
    });
    expect(parseOptionText(":x")).toEqual({
      ok: false,
      message: 'Options are written name:value, like from:2025-01-01 (got ":x").',
    });
  });

  it("rejects an option given twice", () => {
    expect(parseOptionText("page:1 Page:2")).toEqual({ ok: false, message: "Option `page` is given twice." });
  });

  it("rejects an unclosed quote", () => {
    expect(parseOptionText('tag:"phase-one')).toEqual({ ok: false, message: "A quote is not closed." });
  });
});

describe("parseCommandLine", () => {
  it("reads a command with quoted options", () => {
    expect(parseCommandLine('/timeline from:2025-01-01 tag:"phase-one"')).toEqual({
      ok: true,
      line: { name: "timeline", options: { from: "2025-01-01", tag: "phase-one" } },
    });
  });

  it("takes the slash as optional and the name in any case", () => {
    expect(parseCommandLine("  Captives  ")).toEqual({ ok: true, line: { name: "captives", options: {} } });
    expect(parseCommandLine("/PHASE phase:phase-two")).toEqual({
      ok: true,
      line: { name: "phase", options: { phase: "phase-two" } },
    });
  });

  it("passes on option errors", () => {
    expect(parseCommandLine("/timeline phase-one")).toEqual({
      ok: false,
      message: 'Options are written name:value, like from:2025-01-01 (got "phase-one").',
    });
  });

  it("asks for a command when there is none", () => {
    const message = "Type a command, like /captives or /timeline from:2025-01-01.";
    expect(parseCommandLine("")).toEqual({ ok: false, message });
    expect(parseCommandLine("/")).toEqual({ ok: false, message });
    expect(parseCommandLine("/123")).toEqual({ ok: false, message });
  });
});

describe("typed text no reply may carry", () => {
  it("refuses a control character in a quoted value, naming the option", () => {
    expect(parseOptionText('tag:"a\u0007b" page:2')).toEqual({
      ok: false,
      message:
        "Option `tag` contains a control character (U+0007), which the bot does not accept: type it again without it.",
    });
  });

  it("refuses a lone surrogate in a word without a name, never quoting it", () => {
    expect(parseOptionText("\ud800")).toEqual({
      ok: false,
      message:
        "The command contains a lone surrogate (U+D800), which the bot does not accept: type it again without it.",
    });
  });

  it("quotes a word without a name isolated when it holds a right-to-left override", () => {
    expect(parseOptionText("\u202eabc")).toEqual({
      ok: false,
      message: 'Options are written name:value, like from:2025-01-01 (got "\u2068\u202eabc\u202c\u2069").',
    });
  });
});

describe("a command line that cannot be read, in the reader's language", () => {
  it("says a quote is not closed in Hebrew", () => {
    expect(parseCommandLine('/timeline tag:"phase-one', wordsFor("he"))).toEqual({
      ok: false,
      message: "מירכאות נפתחו ולא נסגרו.",
    });
  });

  it("says how options are written in Arabic", () => {
    expect(parseOptionText("phase-one", wordsFor("ar"))).toEqual({
      ok: false,
      message: 'تُكتب الخيارات بصيغة name:value، مثل from:2025-01-01 (المُدخل: "\u2068phase-one\u2069").',
    });
  });

  it("asks for a command in French", () => {
    expect(parseCommandLine("???", wordsFor("fr"))).toEqual({
      ok: false,
      message: "Saisissez une commande, par exemple /captives ou /timeline from:2025-01-01.",
    });
  });
});
