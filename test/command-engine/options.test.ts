/** Raw options (strings from text platforms, typed values from Discord) into typed ones. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { captives } from "../../commands/captives.js";
import { deadlines } from "../../commands/deadlines.js";
import { help } from "../../commands/help.js";
import { timeline } from "../../commands/timeline.js";
import { type AnyCommand, defineCommand } from "../../src/command-engine/definition.js";
import { optionSpecs, parseOptions, platformOptionSpecs } from "../../src/command-engine/options.js";
import { wordsFor } from "../../src/language/words.js";

const tl: AnyCommand = timeline;
const dl: AnyCommand = deadlines;

describe("option specs", () => {
  it("are derived from the command's schema", () => {
    expect(optionSpecs(tl.options).map((s) => [s.name, s.type, s.required, s.expected])).toEqual([
      ["from", "date", false, "a date like 2025-01-19"],
      ["to", "date", false, "a date like 2025-01-19"],
      ["tag", "string", false, "text"],
      ["page", "integer", false, "a whole number from 1 to 10000"],
      ["story", "string", false, "text"],
    ]);
    expect(platformOptionSpecs(tl).find((s) => s.name === "tag")?.autocomplete).toBe(true);
    expect(optionSpecs(dl.options).find((s) => s.name === "show")?.choices).toEqual([
      "upcoming",
      "past",
      "all",
    ]);
  });

  it("offer `private` on every command, last", () => {
    expect(platformOptionSpecs(captives).map((s) => s.name)).toEqual(["story", "private"]);
    expect(platformOptionSpecs(help).map((s) => s.name)).toEqual(["private"]);
  });
});

describe("parseOptions", () => {
  it("converts strings by the declared type", () => {
    const parsed = parseOptions(tl, { page: "2", from: " 2025-01-01 ", tag: "phase-one" });
    expect(parsed).toEqual({
      ok: true,
      options: { page: 2, from: "2025-01-01", tag: "phase-one" },
      private: false,
    });
  });

  it("passes typed values (Discord) through", () => {
    expect(parseOptions(tl, { page: 3 })).toEqual({ ok: true, options: { page: 3 }, private: false });
  });

  it("names the unknown option and lists the known ones", () => {
    expect(parseOptions(tl, { pages: "2" })).toEqual({
      ok: false,
      option: "pages",
      message: "/timeline has no option `pages`. Its options: `from`, `to`, `tag`, `page`, `story`.",
    });
  });

  it("says when a command takes no options", () => {
    expect(parseOptions(help, { story: "gaza-2025" })).toEqual({
      ok: false,
      option: "story",
      message: "/help takes no options (got `story`).",
    });
  });

  it("names the option and what a date looks like", () => {
    expect(parseOptions(tl, { from: "2025-02-30" })).toEqual({
      ok: false,
      option: "from",
      message: 'Option `from` must be a date like 2025-01-19 (got "2025-02-30").',
    });
    expect(parseOptions(tl, { to: "1 March" })).toEqual({
      ok: false,
      option: "to",
      message: 'Option `to` must be a date like 2025-01-19 (got "1 March").',
    });
  });

  it("names the option and the range of a whole number", () => {
    for (const bad of ["two", "0", "1.5", "10001", "-1"]) {
      expect(parseOptions(tl, { page: bad }), bad).toEqual({
        ok: false,
        option: "page",
        message: `Option \`page\` must be a whole number from 1 to 10000 (got "${bad}").`,
      });
    }
  });

  it("names the option and its choices", () => {
    expect(parseOptions(dl, { show: "soon" })).toEqual({
      ok: false,
      option: "show",
      message: 'Option `show` must be one of upcoming, past, all (got "soon").',
    });
    expect(parseOptions(dl, { status: "late" })).toEqual({
      ok: false,
      option: "status",
      message:
        'Option `status` must be one of scheduled, met, missed, extended, postponed, disputed, cancelled (got "late").',
    });
  });

  // BUG (source): z.int() without bounds has JSON Schema bounds of ±Number.MAX_SAFE_INTEGER, which
  // optionSpecs copies into min/max, so the message reads "a whole number from -9007199254740991 to …".
  it("says just 'a whole number' for an integer option without bounds", () => {
    const def = defineCommand({
      name: "count",
      description: "test",
      options: z.object({ n: z.int().optional() }),
      handle: () => ({ kind: "answer", title: "", ephemeral: false }),
    });
    expect(parseOptions(def, { n: "x" })).toEqual({
      ok: false,
      option: "n",
      message: 'Option `n` must be a whole number (got "x").',
    });
  });

  it("reads private:true (and yes/on/1) as a private reply, kept out of the handler's options", () => {
    for (const flag of ["true", "yes", "on", "1", "TRUE"]) {
      expect(parseOptions(tl, { private: flag, page: "1" }), flag).toEqual({
        ok: true,
        options: { page: 1 },
        private: true,
      });
    }
    expect(parseOptions(tl, { private: true })).toEqual({ ok: true, options: {}, private: true });
    expect(parseOptions(tl, { private: "no" })).toEqual({ ok: true, options: {}, private: false });
  });

  it("rejects a private flag that is not a boolean", () => {
    expect(parseOptions(tl, { private: "maybe" })).toEqual({
      ok: false,
      option: "private",
      message: 'Option `private` must be true or false (got "maybe").',
    });
  });
});

describe("typed text no reply may carry", () => {
  it.each([
    ["a control character", "phase\u0007one", "a control character (U+0007)"],
    ["a line feed inside a quoted value", "phase\none", "a control character (U+000A)"],
    ["a lone high surrogate", "phase\ud800one", "a lone surrogate (U+D800)"],
    ["a lone low surrogate", "\udc00", "a lone surrogate (U+DC00)"],
  ])("refuses %s in an option, naming the option and never quoting the value", (_, value, what) => {
    const parsed = parseOptions(tl, { tag: value });
    expect(parsed).toEqual({
      ok: false,
      option: "tag",
      message: `Option \`tag\` contains ${what}, which the bot does not accept: type it again without it.`,
    });
    if (!parsed.ok) expect(parsed.message).not.toContain(value);
  });

  it("takes a character made of two UTF-16 units as the character it is", () => {
    expect(parseOptions(tl, { from: "😀" })).toMatchObject({
      ok: false,
      message: 'Option `from` must be a date like 2025-01-19 (got "😀").',
    });
  });

  it("refuses a control character in an option's name without quoting it", () => {
    const parsed = parseOptions(tl, { "ta\u0000g": "x" });
    expect(parsed).toEqual({
      ok: false,
      message:
        "The command contains a control character (U+0000), which the bot does not accept: type it again without it.",
    });
  });

  it("quotes a bad value with a right-to-left override isolated, so it cannot reorder the sentence", () => {
    const parsed = parseOptions(tl, { from: "\u202eyesterday" });
    expect(parsed).toMatchObject({
      ok: false,
      message: 'Option `from` must be a date like 2025-01-19 (got "\u2068\u202eyesterday\u202c\u2069").',
    });
  });
});

describe("what is wrong with an option, in the reader's language", () => {
  it("names the option and what a date looks like in Arabic, the value typed isolated", () => {
    expect(parseOptions(tl, { from: "2025-02-30" }, wordsFor("ar"))).toEqual({
      ok: false,
      option: "from",
      message:
        'يجب أن تكون قيمة الخيار `\u2068from\u2069` تاريخًا بصيغة 2025-01-19 (القيمة المُدخلة: "\u20682025-02-30\u2069").',
    });
  });

  it("names the unknown option and lists the known ones in Hebrew", () => {
    const parsed = parseOptions(tl, { pages: "2" }, wordsFor("he"));
    expect(parsed.ok ? "" : parsed.message).toBe(
      "לפקודה \u2068/timeline\u2069 אין אפשרות `\u2068pages\u2069`. האפשרויות שלה: \u2068`from`, `to`, `tag`, `page`, `story`\u2069.",
    );
  });

  it("gives the choices in French", () => {
    const parsed = parseOptions(dl, { show: "soon" }, wordsFor("fr"));
    expect(parsed.ok ? "" : parsed.message).toBe(
      "L'option `show` doit valoir l'une de ces valeurs : upcoming, past, all (reçu : « soon »).",
    );
  });

  it("refuses a control character in French, never quoting it", () => {
    const parsed = parseOptions(tl, { tag: "a\u0007b" }, wordsFor("fr"));
    expect(parsed.ok ? "" : parsed.message).toBe(
      "L'option `tag` contient un caractère de contrôle (U+0007), que le bot n'accepte pas : saisissez-la de nouveau sans lui.",
    );
  });
});
